import NodePlanModel
import NodePlanSolver
import NodePlanTesting
import Testing

/// nodeplan's N→M re-pack, beyond Karpenter's N→1 and N→0.
@Suite struct RepackTests {
    let types = ConsolidationTypes.self

    /// Six mediums each running one 2.5-CPU pod: no pod fits beside another on a medium, two pods
    /// need a large that costs as much as the two mediums, and Karpenter's binary search over the
    /// prefixes (4 nodes: two new nodes; 2 nodes: not cheaper) never tries the 3→1 that works.
    func sixStrandedPods(_ strategy: SolverStrategy) -> Solved {
        var scenario = Scenario().pool("default").instanceTypes(types.onDemandOnly)
            .disruption(pool: "default") { $0.budgets = [DisruptionBudget(nodes: "100%")] }
            .options { $0.strategy = strategy }
        for index in 0..<6 {
            scenario = scenario.node("m-\(index)", like: types.medium, pool: "default")
                .running("job-\(index)", on: "m-\(index)", PodTemplate(cpu: "2500m"))
        }
        return scenario.consolidate()
    }

    @Test func karpenterMissesTheSavings() {
        #expect(sixStrandedPods(.karpenter).plan.terminations.isEmpty)
    }

    @Test func repackMovesSixNodesOntoTwo() {
        let result = sixStrandedPods(.optimize)
        #expect(result.terminatedNodes == (0..<6).map { "m-\($0)" })
        #expect(result.launches.count == 2)
        #expect(result.launches.allSatisfy { $0.choice.instanceType == "large" && $0.pods.count == 3 })
        #expect(abs(result.plan.cost.after - 0.80) < 1e-9)
        let waitFor = Set(result.launches.map(\.name))
        #expect(result.plan.terminations.allSatisfy { Set($0.waitFor) == waitFor })
        result.expectValid()
    }

    @Test func repackLeavesASteadyClusterAlone() {
        let result = Scenario().pool("default").instanceTypes(types.onDemandOnly)
            .disruption(pool: "default") { $0.budgets = [DisruptionBudget(nodes: "100%")] }
            .options { $0.strategy = .optimize }
            .node("a", like: types.medium, pool: "default")
            .node("b", like: types.medium, pool: "default")
            .running("a-web", count: 2, on: "a", PodTemplate(cpu: "1900m"))
            .running("b-web", count: 2, on: "b", PodTemplate(cpu: "1900m"))
            .consolidate()
        #expect(result.plan.terminations.isEmpty)
    }
}
