import NodePlanModel
import NodePlanSolver
import NodePlanTesting
import Testing

@Suite struct PlannerTests {
    let types = ConsolidationTypes.self

    /// A pending pod and an idle oversized node: provisioning puts the pod there, consolidation then
    /// finds the node underutilized.
    var oversizedWithPendingPod: Scenario {
        Scenario().pool("default").instanceTypes(types.all)
            .node("big", like: types.large, pool: "default")
            .pods("web", PodTemplate(cpu: "500m"))
    }

    @Test func withoutConsolidateThePlanIsProvisioningOnly() {
        let result = oversizedWithPendingPod.plan()
        #expect(result.plan.terminations.isEmpty)
        #expect(result.placement(of: "web-0") == .existing(node: "big"))
        result.expectValid()
    }

    @Test func consolidationRunsOnTheProvisionedCluster() throws {
        let result = oversizedWithPendingPod.options { $0.consolidate = true }.plan()
        let launch = try #require(result.launches.first)
        #expect(result.terminatedNodes == ["big"])
        #expect(result.placement(of: "web-0") == .launch(name: launch.name))
        #expect(result.termination(of: "big")?.evictedPods == [])
        #expect(result.termination(of: "big")?.waitFor == [launch.name])
        #expect(abs(result.plan.cost.after - 0.07) < 1e-9)
        result.expectValid()
    }

    @Test func newLaunchesAreNotConsolidatedAway() {
        let result = Scenario().pool("default").instanceTypes(types.all)
            .pods("web", count: 3, PodTemplate(cpu: "500m"))
            .options { $0.consolidate = true }
            .plan()
        #expect(result.plan.terminations.isEmpty)
        #expect(result.launches.count == 1)
        result.expectValid()
    }
}
