import Foundation
import NodePlanCatalog
import NodePlanModel
import NodePlanSolver
import NodePlanSynthetic
import Testing

/// The gap between the solver's plans and the bound, and the bound's share of the solve time,
/// on the benchmark snapshots: a report for docs/lower-bound.md, run on request only
/// (`NODEPLAN_LOWER_BOUND_REPORT=1 swift test -c release --filter LowerBoundGapReport`).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["NODEPLAN_LOWER_BOUND_REPORT"] != nil))
struct LowerBoundGapReport {
    @Test func benchmarkGaps() throws {
        let resolver = try InstanceTypeResolver.builtIn()
        let cases: [(name: String, snapshot: Snapshot)] = [
            ("SchedulingBenchmark 1k", SchedulingBenchmark.snapshot(pods: 1000)),
            ("SchedulingBenchmark 5k", SchedulingBenchmark.snapshot(pods: 5000)),
            ("SchedulingBenchmark 20k", SchedulingBenchmark.snapshot(pods: 20000)),
            ("AzureMix 1k", AzureMix.snapshot(pods: 1000, seed: 1)),
            ("AzureMix 5k", AzureMix.snapshot(pods: 5000, seed: 1)),
            ("AzureMix 20k", AzureMix.snapshot(pods: 20000, seed: 1)),
            ("FeatureMix 1k", FeatureMix.snapshot(pods: 1000, seed: 1)),
        ]
        let clock = ContinuousClock()
        print("| snapshot | launches | plan new-node cost | bound (volume / distinct / both) | gap | solve | bound |")
        print("|---|---|---|---|---|---|---|")
        for (name, snapshot) in cases {
            let types = snapshot.catalog == nil ? nil : try resolver.instanceTypes(for: snapshot)
            let provisioner = Provisioner(options: snapshot.options)
            var plan = Plan()
            let solve = try clock.measure { plan = try provisioner.solve(snapshot: snapshot, instanceTypes: types) }
            let launched = plan.launches.flatMap(\.pods)
            // Setup (shapes, templates, topology) plus the bound, then the same setup with no pods
            // to bound: the bound's own time is the difference (best of three runs each).
            var found: NewNodeCostBound?
            let bound = try (0..<3).map { _ in
                try clock.measure {
                    found = try provisioner.newNodeCostLowerBound(snapshot: snapshot, instanceTypes: types, pods: launched)
                }
            }.min()!
            let setup = try (0..<3).map { _ in
                try clock.measure {
                    _ = try provisioner.newNodeCostLowerBound(snapshot: snapshot, instanceTypes: types, pods: [])
                }
            }.min()!
            let parts = try #require(found)
            let newCost = plan.launches.reduce(0) { $0 + $1.choice.price }
            let newBound = parts.value
            #expect(newBound <= newCost + 1e-9)
            let gap = newBound > 0 ? (newCost - newBound) / newBound * 100 : 0
            print("| \(name) | \(plan.launches.count) | \(rounded(newCost)) | \(rounded(newBound)) "
                + "(\(rounded(parts.volume)) / \(rounded(parts.distinctNodes)) / \(rounded(parts.combined))) | \(rounded(gap))% "
                + "| \(milliseconds(solve)) ms | \(milliseconds(bound - setup)) ms |")
        }
    }

    private func rounded(_ value: Double) -> String { String(format: "%.2f", value) }
    private func milliseconds(_ duration: Duration) -> String {
        String(format: "%.1f", Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15)
    }
}
