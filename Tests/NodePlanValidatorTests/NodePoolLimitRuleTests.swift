import NodePlanModel
import NodePlanValidator
import Testing

@Suite struct NodePoolLimitRuleTests {
    @Test func launchesStayWithinPoolLimits() {
        var scenario = Scenario(pool: NodePool(name: "general", limits: [ResourceName.cpu: .units(6)]))
        scenario.node("existing")
        let web = scenario.pending("web")
        // existing 2 CPU + large 8 CPU > 6.
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", Scenario.large, pods: web)])) == [.nodePoolLimitExceeded])
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: web)])) == [])
    }

    @Test func nodeCountIsALimit() {
        var scenario = Scenario(pool: NodePool(name: "general", limits: [ResourceName.nodes: .units(2)]))
        scenario.node("existing")
        let web = scenario.pending("web", count: 2)
        let two = Plan(launches: [scenario.launch("n1", pods: [web[0]]), scenario.launch("n2", pods: [web[1]])])
        #expect(scenario.rules(two) == [.nodePoolLimitExceeded])
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: web)])) == [])
    }
}
