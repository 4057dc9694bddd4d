import NodePlanModel
import NodePlanSolver
import NodePlanTesting
import Testing

@Suite struct EmptinessTests {
    let types = ConsolidationTypes.self

    @Test func emptyNodeIsDeletedWithoutReplacement() {
        let result = Scenario().pool("default").instanceTypes(types.all)
            .node("idle", like: types.large, pool: "default")
            .node("busy", like: types.small, pool: "default")
            .running("web", on: "busy", PodTemplate(cpu: "1500m"))
            .consolidate()
        #expect(result.terminatedNodes(batch: 0) == ["idle"])
        #expect(result.termination(of: "idle")?.reason == .empty)
        #expect(result.termination(of: "idle")?.waitFor == [])
        #expect(result.termination(of: "idle")?.savingsPerHour == 0.40)
        // The next command, in the next batch: the busy small node moves to a cheaper spot node.
        #expect(result.termination(of: "busy")?.batch == 1)
        #expect(result.termination(of: "busy")?.waitFor == result.launches.map(\.name))
        result.expectValid()
    }

    @Test func daemonSetPodsDoNotKeepANodeBusy() {
        let result = Scenario().pool("default").instanceTypes(types.all)
            .node("idle", like: types.large, pool: "default")
            .running("agent", on: "idle", PodTemplate(cpu: "100m").owner(kind: "DaemonSet", name: "agent"))
            .consolidate()
        #expect(result.terminatedNodes == ["idle"])
        result.expectValid()
    }

    @Test func unmanagedStaticAndYoungNodesAreLeftAlone() {
        var staticPool = NodePool(name: "static")
        staticPool.replicas = 1
        let result = Scenario().pool("default").pool(staticPool).instanceTypes(types.all)
            .disruption(pool: "default") { $0.consolidateAfterSeconds = 600 }
            .now(1000)
            .node("unmanaged", like: types.large)
            .node("fixed", like: types.large, pool: "static")
            .node("young", like: types.large, pool: "default", createdAt: 500)
            .node("uninitialized", like: types.large, pool: "default", initialized: false)
            .consolidate()
        #expect(result.plan.terminations.isEmpty)
    }

    @Test func consolidateAfterNeverDisablesEmptiness() {
        let result = Scenario().pool("default").instanceTypes(types.all)
            .disruption(pool: "default") { $0.consolidateAfterSeconds = nil }
            .node("idle", like: types.large, pool: "default")
            .consolidate()
        #expect(result.plan.terminations.isEmpty)
    }
}
