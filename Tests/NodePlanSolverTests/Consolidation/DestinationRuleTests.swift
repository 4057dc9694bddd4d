import NodePlanModel
import NodePlanSolver
import NodePlanTesting
import Testing

/// Karpenter's destination rule: consolidation moves no pod onto a node that is not initialized or
/// that is still inside its NodePool's `consolidateAfter` window.
@Suite struct DestinationRuleTests {
    let types = ConsolidationTypes.self

    /// "old", a large node, runs one small pod; "host", a medium node of a pool that keeps its nodes
    /// ten minutes before consolidating them (and only when empty), has room for it.
    func cluster(hostCreatedAt: Double, hostInitialized: Bool = true) -> Scenario {
        Scenario().pool("default").pool("steady").instanceTypes(types.onDemandOnly)
            .disruption(pool: "steady") {
                $0.consolidationPolicy = .whenEmpty
                $0.consolidateAfterSeconds = 600
            }
            .now(10_000)
            .node("old", like: types.large, pool: "default")
            .running("web", on: "old", PodTemplate(cpu: "500m"))
            .node("host", like: types.medium, pool: "steady", initialized: hostInitialized, createdAt: hostCreatedAt)
            .running("resident", on: "host", PodTemplate(cpu: "1"))
    }

    @Test func podsMoveOntoNodesPastTheirWindow() {
        let result = cluster(hostCreatedAt: 0).consolidate()
        #expect(result.terminatedNodes == ["old"])
        #expect(result.launches.isEmpty)
        #expect(result.placement(of: "web-0") == .existing(node: "host"))
        result.expectValid()
    }

    @Test func podsDoNotMoveOntoNodesInsideTheirWindow() throws {
        let result = cluster(hostCreatedAt: 9_900).consolidate()
        #expect(result.terminatedNodes == ["old"])
        let launch = try #require(result.launches.first)
        #expect(launch.choice.instanceType == "small")
        #expect(result.placement(of: "web-0") == .launch(name: launch.name))
        result.expectValid()
    }

    @Test func podsDoNotMoveOntoUninitializedNodes() throws {
        let result = cluster(hostCreatedAt: 0, hostInitialized: false).consolidate()
        let launch = try #require(result.launches.first)
        #expect(result.placement(of: "web-0") == .launch(name: launch.name))
        result.expectValid()
    }
}
