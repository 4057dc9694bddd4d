import NodePlanModel
import NodePlanValidator
import Testing

@Suite struct TerminationRuleTests {
    /// Node `old` runs `web-0`; node `spare` has room.
    private func scenario() -> (Scenario, web: [Int32]) {
        var scenario = Scenario()
        scenario.node("old")
        scenario.node("spare")
        let web = scenario.running("web", on: "old")
        return (scenario, web)
    }

    @Test func terminatedNodesPodsMustBeEvicted() {
        let (scenario, web) = scenario()
        let forgotten = Plan(terminations: [NodeTermination(node: "old", reason: .empty)])
        #expect(scenario.rules(forgotten) == [.boundPodLost])
        let rehomed = Plan(assignments: [NodeAssignment(node: "spare", pods: web)],
                           terminations: [NodeTermination(node: "old", reason: .underutilized, evictedPods: web)])
        #expect(scenario.rules(rehomed) == [])
    }

    @Test func evictedPodsMustBeRehomed() {
        let (scenario, web) = scenario()
        let dropped = Plan(terminations: [NodeTermination(node: "old", reason: .underutilized, evictedPods: web)])
        #expect(scenario.rules(dropped) == [.evictedPodNotRehomed])
        let reported = Plan(terminations: [NodeTermination(node: "old", reason: .underutilized, evictedPods: web)],
                            unschedulable: [UnschedulablePod(pod: web[0], reason: "x")])
        #expect(scenario.rules(reported) == [.evictedPodNotRehomed])
    }

    @Test func evictedPodsMustRunOnTheNode() {
        var (scenario, web) = scenario()
        let other = scenario.running("other", on: "spare")
        let wrong = Plan(assignments: [NodeAssignment(node: "spare", pods: web)],
                         terminations: [NodeTermination(node: "old", reason: .underutilized, evictedPods: web + other)])
        #expect(scenario.rules(wrong).contains(.evictedPodNotOnNode))
    }

    @Test func terminationsReferenceRealNodesAndLaunches() {
        let (scenario, web) = scenario()
        let bad = Plan(assignments: [NodeAssignment(node: "spare", pods: web)], terminations: [
            NodeTermination(node: "old", reason: .underutilized, waitFor: ["n9"], evictedPods: web),
            NodeTermination(node: "old", reason: .underutilized, evictedPods: web),
            NodeTermination(node: "ghost", reason: .empty),
        ])
        #expect(Set(scenario.rules(bad)) == [.unknownWaitFor, .nodeTerminatedTwice, .unknownNode])
    }

    @Test func replacementsAreAwaited() {
        let (scenario, web) = scenario()
        let hasty = Plan(launches: [scenario.launch("n1", pods: web)],
                         terminations: [NodeTermination(node: "old", reason: .underutilized, evictedPods: web)])
        #expect(scenario.rules(hasty) == [.replacementNotAwaited])
        let patient = Plan(launches: [scenario.launch("n1", pods: web)],
                           terminations: [NodeTermination(node: "old", reason: .underutilized, waitFor: ["n1"], evictedPods: web)])
        #expect(scenario.rules(patient) == [])
    }
}
