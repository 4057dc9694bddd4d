import NodePlanCatalog
import NodePlanModel
import NodePlanSolver
import NodePlanWire
import SwiftProtobuf

/// The built-in Azure catalog, loaded once for every run.
private let resolver = try! InstanceTypeResolver.builtIn()

/// libFuzzer entry point: the input is the protobuf of a snapshot, as a client would send it. Snapshots
/// that decode are cut to a bounded size (so one run stays in milliseconds) and planned with a small time
/// budget on one thread: provisioning, and consolidation when the snapshot's options ask for it. The solver
/// must return a plan or an input error naming a field; it must never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSolver(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    guard let message = try? Nodeplan_V1_Snapshot(serializedBytes: bytes),
          var snapshot = try? Snapshot(proto: message) else { return 0 }
    snapshot.bound()
    guard let instanceTypes = try? resolver.instanceTypes(for: snapshot) else { return 0 }
    do {
        let plan = try Planner(options: snapshot.options).plan(snapshot: snapshot, instanceTypes: instanceTypes)
        precondition(plan.assignments.allSatisfy { $0.pods.allSatisfy { snapshot.pods.indices.contains(Int($0)) } },
                     "a plan assigned a pod index outside the snapshot")
        precondition(plan.launches.allSatisfy { $0.pods.allSatisfy { snapshot.pods.indices.contains(Int($0)) } },
                     "a plan launched a pod index outside the snapshot")
    } catch {
        precondition(!error.field.isEmpty || !error.reason.isEmpty, "a solver input error must name its cause")
    }
    return 0
}

extension Snapshot {
    /// Keeps the snapshot small enough for thousands of runs a second: at most 64 pods, 16 nodes, 32
    /// instance types, 4 NodePools and DaemonSets, one thread and a 50 ms budget.
    fileprivate mutating func bound() {
        pods = Array(pods.prefix(64))
        nodes = Array(nodes.prefix(16))
        instanceTypes = Array(instanceTypes.prefix(32))
        nodePools = Array(nodePools.prefix(4))
        daemonSets = Array(daemonSets.prefix(4))
        options.threads = 1
        options.timeBudgetMilliseconds = min(max(options.timeBudgetMilliseconds, 1), 50)
        options.maxFallbacks = min(options.maxFallbacks, 3)
    }
}
