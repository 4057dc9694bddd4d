import NodePlanModel
import NodePlanSolver
import NodePlanTesting
import Testing

/// What keeps a node from being disrupted: do-not-disrupt on the node or a pod, and
/// PodDisruptionBudgets that allow no eviction.
@Suite struct DisruptionBlockingTests {
    let types = ConsolidationTypes.self
    let doNotDisrupt = WellKnownAnnotation.doNotDisrupt

    /// One oversized node running `pod`, which a small node could hold.
    func oversized(_ pod: PodTemplate, nodeAnnotations: [String: String] = [:]) -> Scenario {
        Scenario().pool("default").instanceTypes(types.all)
            .node("big", like: types.large, pool: "default", annotations: nodeAnnotations)
            .running("web", count: 2, on: "big", pod.labels(["app": "web"]))
    }

    @Test func doNotDisruptPodBlocks() {
        let result = oversized(PodTemplate(cpu: "500m").annotations([doNotDisrupt: "true"])).consolidate()
        #expect(result.plan.terminations.isEmpty)
    }

    @Test func doNotDisruptNodeBlocksEvenWhenEmpty() {
        let result = Scenario().pool("default").instanceTypes(types.all)
            .node("idle", like: types.large, pool: "default", annotations: [doNotDisrupt: "true"])
            .consolidate()
        #expect(result.plan.terminations.isEmpty)
    }

    @Test func doNotDisruptDurationBlocksOnlyWhileItRuns() {
        let pod = PodTemplate(cpu: "500m").annotations([doNotDisrupt: "1h"])
        #expect(oversized(pod).now(1800).consolidate().plan.terminations.isEmpty)
        let later = oversized(pod).now(7200).consolidate()
        #expect(later.terminatedNodes == ["big"])
        later.expectValid()
    }

    @Test func podDisruptionBudgetAllowingNoDisruptionBlocks() {
        let pod = PodTemplate(cpu: "500m")
        #expect(oversized(pod).podDisruptionBudget("web", selecting: ["app": "web"], disruptionsAllowed: 0)
            .consolidate().plan.terminations.isEmpty)
        // Derived from the spec: two running pods, two must stay available.
        #expect(oversized(pod).podDisruptionBudget("web", selecting: ["app": "web"], minAvailable: "2")
            .consolidate().plan.terminations.isEmpty)
        let allowed = oversized(pod).podDisruptionBudget("web", selecting: ["app": "web"], maxUnavailable: "50%")
            .consolidate()
        #expect(allowed.terminatedNodes == ["big"])
        allowed.expectValid()
    }

    @Test func podUnderTwoBudgetsBlocks() {
        let result = oversized(PodTemplate(cpu: "500m"))
            .podDisruptionBudget("first", selecting: ["app": "web"], disruptionsAllowed: 5)
            .podDisruptionBudget("second", selecting: ["app": "web"], disruptionsAllowed: 5)
            .consolidate()
        #expect(result.plan.terminations.isEmpty)
    }

    @Test func nominatedNodeIsNotDisrupted() {
        let result = Scenario().pool("default").instanceTypes(types.all)
            .node("idle", like: types.large, pool: "default", nominated: true)
            .consolidate()
        #expect(result.plan.terminations.isEmpty)
    }
}
