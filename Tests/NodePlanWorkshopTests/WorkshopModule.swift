import Foundation
import NodePlanCatalog
import NodePlanKube
import NodePlanModel
import NodePlanSolver
import NodePlanValidator

/// One module of examples/workshop solved the way `nodeplan solve` does, with helpers to ask
/// where each workload went.
struct WorkshopModule {
    let snapshot: Snapshot
    let instanceTypes: [String: [InstanceType]]
    let plan: Plan
    let violations: [PlanViolation]
    /// Violations the planner itself reported (debug builds re-check every plan).
    var plannerViolations: [String] { plan.warnings.filter { $0.hasPrefix("validator: ") } }

    static let workshop = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/workshop")

    init(_ name: String, consolidate: Bool = false) throws {
        var builder = SnapshotBuilder()
        try builder.addFile(atPath: Self.workshop.appendingPathComponent("azure-westus2.yaml").path)
        let folder = Self.workshop.appendingPathComponent(name)
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where file.hasSuffix(".yaml") {
            try builder.addFile(atPath: folder.appendingPathComponent(file).path)
        }
        snapshot = try builder.build()
        instanceTypes = try InstanceTypeResolver.builtIn().instanceTypes(for: snapshot)
        var options = snapshot.options
        options.consolidate = consolidate
        plan = try Planner(options: options).plan(snapshot: snapshot, instanceTypes: instanceTypes)
        violations = PlanValidator.validate(snapshot: snapshot, instanceTypes: instanceTypes, plan: plan)
    }

    /// The workload (owner) name of a pod: `inflate-pending-3` → `inflate`.
    func workload(of pod: Int32) -> String {
        let spec = snapshot.spec(of: snapshot.pods[Int(pod)])
        return spec.labels["app"] ?? spec.owner?.name ?? snapshot.pods[Int(pod)].name
    }

    /// Launches holding at least one pod of `workload`.
    func launches(of workload: String) -> [NodeLaunch] {
        plan.launches.filter { launch in launch.pods.contains { self.workload(of: $0) == workload } }
    }

    func placedCount(of workload: String) -> Int {
        plan.launches.reduce(0) { $0 + $1.pods.filter { self.workload(of: $0) == workload }.count }
            + plan.assignments.reduce(0) { $0 + $1.pods.filter { self.workload(of: $0) == workload }.count }
    }

    func unschedulable(of workload: String) -> [UnschedulablePod] {
        plan.unschedulable.filter { self.workload(of: $0.pod) == workload }
    }

    /// The single value an instance type defines for `label` (e.g. its architecture).
    func label(_ label: String, of launch: NodeLaunch) -> String? {
        let type = instanceTypes[launch.nodePool]?.first { $0.name == launch.choice.instanceType }
        return type?.requirements.first { $0.key == label && $0.operator == .in && $0.values.count == 1 }?.values[0]
    }

    /// The on-demand price of the launch's instance type in its zone.
    func onDemandPrice(of launch: NodeLaunch) -> Double? {
        instanceTypes[launch.nodePool]?.first { $0.name == launch.choice.instanceType }?.offerings
            .first { $0.zone == launch.choice.zone && $0.capacityType == .onDemand }?.price
    }
}
