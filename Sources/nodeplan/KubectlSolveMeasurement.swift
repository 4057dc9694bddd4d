import Foundation
import NodePlanBenchmarking
import NodePlanCatalog
import NodePlanModel
import NodePlanReport
import NodePlanSolver
import NodePlanValidator

/// `nodeplan solve` on a generated kubectl dump, timed in process: reading the YAML, building the
/// snapshot, resolving the catalog, solving, validating and rendering the table — everything but
/// process start-up. The dump is written once, outside the timed region.
struct KubectlSolveMeasurement: Codable {
    var pods: Int
    var pendingPods: Int
    var nodes: Int
    var bytes: Int
    var nodesLaunched: Int
    var samples: Samples

    static func run(pods: Int, runs: Int, resolver: InstanceTypeResolver) throws -> KubectlSolveMeasurement {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nodeplan-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let dump = try KubectlDump.generate(pods: pods, seed: 7, region: "eastus", resolver: resolver)
        try dump.write(to: directory.path)
        let files = dump.files.map { directory.appendingPathComponent($0.name).path }
        let input = try InputOptions.parse(files)
        let (samples, plan) = try Samples.measure(runs: runs) { () throws -> Plan in
            let (snapshot, instanceTypes) = try input.load()
            let plan = try Planner(options: snapshot.options).plan(snapshot: snapshot, instanceTypes: instanceTypes,
                                                                   control: .continuous())
            _ = PlanValidator.validate(snapshot: snapshot, instanceTypes: instanceTypes, plan: plan)
            _ = PlanTextReport(summary: PlanSummary(snapshot: snapshot, plan: plan, instanceTypes: instanceTypes)).render()
            return plan
        }
        return KubectlSolveMeasurement(pods: dump.podCount, pendingPods: dump.pendingPodCount, nodes: dump.nodeCount,
                                       bytes: dump.files.reduce(0) { $0 + $1.text.utf8.count },
                                       nodesLaunched: plan.launches.count, samples: samples)
    }

    /// `kubectl dump: N pods (P pending) on M nodes, B bytes: median X ms, min Y ms, L launches`.
    var tableRow: String {
        "kubectl dump: \(pods) pods (\(pendingPods) pending) on \(nodes) nodes, \(bytes) bytes of YAML: "
            + "median \(PlanTextReport.fixed(samples.median, digits: 1)) ms, min \(PlanTextReport.fixed(samples.minimum, digits: 1)) ms "
            + "over \(samples.runs) runs; \(nodesLaunched) nodes launched"
    }
}
