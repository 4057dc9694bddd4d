import NodePlanModel
import NodePlanSolver
import NodePlanTesting
import Testing

@Suite struct DriftTests {
    let types = ConsolidationTypes.self

    @Test func driftedNodeIsReplacedEvenAtTheSamePrice() throws {
        let result = Scenario().pool("default").instanceTypes(types.onDemandOnly)
            .node("old", like: types.small, pool: "default", drifted: true)
            .running("web", count: 2, on: "old", PodTemplate(cpu: "900m"))
            .consolidate()
        let launch = try #require(result.launches.first)
        let termination = try #require(result.termination(of: "old"))
        #expect(termination.reason == .drifted)
        #expect(termination.waitFor == [launch.name])
        #expect(launch.choice.instanceType == "small")
        result.expectValid()
    }

    @Test func emptinessComesBeforeDrift() {
        let result = Scenario().pool("default").instanceTypes(types.onDemandOnly)
            .node("old", like: types.small, pool: "default", drifted: true)
            .running("web", on: "old", PodTemplate(cpu: "900m"))
            .node("idle", like: types.small, pool: "default")
            .consolidate()
        #expect(result.terminatedNodes(batch: 0) == ["idle"])
        #expect(result.termination(of: "idle")?.reason == .empty)
        #expect(result.termination(of: "old")?.batch == 1)
        #expect(result.termination(of: "old")?.reason == .drifted)
        result.expectValid()
    }

    @Test func driftRespectsItsBudget() {
        let result = Scenario().pool("default").instanceTypes(types.onDemandOnly)
            .disruption(pool: "default") { $0.budgets = [DisruptionBudget(nodes: "0", reasons: [.drifted])] }
            .node("old", like: types.small, pool: "default", drifted: true)
            .running("web", count: 2, on: "old", PodTemplate(cpu: "900m"))
            .consolidate()
        #expect(result.plan.terminations.isEmpty)
    }
}
