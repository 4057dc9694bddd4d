import NodePlanModel
import NodePlanSolver
import NodePlanTesting
import Testing

/// Successive commands as batches: each planned on the cluster the previous one leaves, its
/// replacements up and able to take pods, every pod moved at most once.
@Suite struct BatchTests {
    let types = ConsolidationTypes.self

    /// Budget one node at a time. "x" runs a pod bound to zone 1, where no other node is, so it is
    /// replaced by a small node there; "y"'s pod then fits beside it, so "y" goes next.
    var cluster: Scenario {
        Scenario().pool("default").instanceTypes(types.onDemandOnly)
            .disruption(pool: "default") { $0.budgets = [DisruptionBudget(nodes: "1")] }
            .node("x", like: types.large, pool: "default", zone: "test-zone-1")
            .running("zonal", on: "x", PodTemplate(cpu: "1100m").nodeSelector([WellKnownLabel.zone: "test-zone-1"]))
            .node("y", like: types.large, pool: "default", zone: "test-zone-2")
            .running("web", on: "y", PodTemplate(cpu: "500m"))
    }

    @Test func laterBatchesFillEarlierReplacements() throws {
        let result = cluster.consolidate()
        let launch = try #require(result.launches.first)
        #expect(result.launches.count == 1)
        #expect(launch.choice.instanceType == "small")
        #expect(result.terminatedNodes(batch: 0) == ["x"])
        #expect(result.terminatedNodes(batch: 1) == ["y"])
        #expect(result.plan.terminations.allSatisfy { $0.waitFor == [launch.name] })
        #expect(Set(result.podNames(launch.pods)) == ["zonal-0", "web-0"])
        #expect(abs(result.plan.cost.after - 0.10) < 1e-9)
        result.expectValid()
    }

    @Test func everyPodMovesAtMostOnce() {
        for strategy in SolverStrategy.allCases {
            let result = cluster.options { $0.strategy = strategy }.consolidate()
            let evicted = result.plan.terminations.flatMap(\.evictedPods)
            #expect(Set(evicted).count == evicted.count)
        }
    }

    @Test func terminationsReportTheirDisruptionCost() throws {
        let result = cluster.consolidate()
        // One pod each at the default eviction cost of 1.
        #expect(result.plan.terminations.map(\.disruptionCost) == [1, 1])
        let important = Scenario().pool("default").instanceTypes(types.onDemandOnly)
            .node("a", like: types.large, pool: "default")
            .running("web", count: 2, on: "a", PodTemplate(cpu: "500m").priority(1 << 25))
            .consolidate()
        let termination = try #require(important.termination(of: "a"))
        #expect(termination.disruptionCost == 4)
    }
}
