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
        // Each node waits only for the launch that takes its pod.
        for termination in result.plan.terminations {
            let destination = result.launches.first { $0.pods.contains(termination.evictedPods[0]) }
            #expect(termination.waitFor == [destination?.name ?? "-"])
        }
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

    /// Fifty old nodes (4 CPU at 0.30 per hour) each running one 2.5-CPU pod: no pod fits beside
    /// another, so Karpenter can only merge three at a time onto a large node or swap one for a
    /// medium; re-packing all fifty puts three pods on each of seventeen large nodes.
    func fiftyStrandedPods(_ strategy: SolverStrategy) -> Solved {
        let legacy = InstanceTypes.make("legacy", cpu: 4, memoryGiB: 16, price: 0.30, capacityTypes: [.onDemand])
        var scenario = Scenario().pool("default").instanceTypes(types.onDemandOnly + [legacy])
            .disruption(pool: "default") { $0.budgets = [DisruptionBudget(nodes: "100%")] }
            .options { $0.strategy = strategy }
        for index in 0..<50 {
            scenario = scenario.node("n-\(index)", like: legacy, pool: "default")
                .running("job-\(index)", on: "n-\(index)", PodTemplate(cpu: "2500m"))
        }
        return scenario.consolidate()
    }

    @Test func fiftyHalfEmptyNodesBecomeSeventeenRightSizedOnes() {
        let karpenter = fiftyStrandedPods(.karpenter)
        let repacked = fiftyStrandedPods(.optimize)
        #expect(repacked.terminatedNodes.count == 50)
        #expect(repacked.launches.count == 17)
        #expect(repacked.launches.allSatisfy { $0.choice.instanceType == "large" })
        #expect(abs(repacked.plan.cost.after - 17 * 0.40) < 1e-9)
        #expect(repacked.plan.terminations.allSatisfy { $0.disruptionCost == 1 })
        #expect(repacked.plan.cost.after < karpenter.plan.cost.after)
        karpenter.expectValid()
        repacked.expectValid()
    }

    @Test func aRepackedClusterIsLeftAlone() {
        let settled = fiftyStrandedPods(.optimize).settled()
        #expect(settled.consolidate().plan.terminations.isEmpty)
    }

    /// Four mediums each running one 1.5-CPU pod: re-packing all four onto two new mediums saves as
    /// much as deleting two and moving their pods beside the others, which disrupts half as much.
    @Test func repackLaunchesNoInstanceTypeItRemoves() {
        var scenario = Scenario().pool("default").instanceTypes(types.onDemandOnly)
            .disruption(pool: "default") { $0.budgets = [DisruptionBudget(nodes: "100%")] }
            .options { $0.strategy = .optimize }
        for index in 0..<4 {
            scenario = scenario.node("m-\(index)", like: types.medium, pool: "default")
                .running("web-\(index)", on: "m-\(index)", PodTemplate(cpu: "1500m"))
        }
        let result = scenario.consolidate()
        #expect(result.plan.terminations.count == 2)
        #expect(result.launches.isEmpty)
        #expect(abs(result.plan.cost.after - 0.40) < 1e-9)
        result.expectValid()
    }
}
