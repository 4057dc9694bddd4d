import NodePlanModel
import NodePlanValidator
import Testing

@Suite struct PlacementRuleTests {
    @Test func pendingPodMustBePlacedOrReported() {
        var scenario = Scenario()
        let web = scenario.pending("web")
        #expect(scenario.rules(Plan()) == [.podNotHandled])
        #expect(scenario.rules(Plan(unschedulable: [UnschedulablePod(pod: web[0], reason: "no pool fits")])) == [])
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: web)])) == [])
    }

    @Test func podPlacedTwiceIsReported() {
        var scenario = Scenario()
        scenario.node("existing")
        let web = scenario.pending("web")
        let twice = Plan(launches: [scenario.launch("n1", pods: web)], assignments: [NodeAssignment(node: "existing", pods: web)])
        #expect(scenario.rules(twice) == [.podPlacedTwice])
        let placedAndReported = Plan(launches: [scenario.launch("n1", pods: web)],
                                     unschedulable: [UnschedulablePod(pod: web[0], reason: "x")])
        #expect(scenario.rules(placedAndReported) == [.podPlacedTwice])
        #expect(scenario.rules(Plan(assignments: [NodeAssignment(node: "existing", pods: web)])) == [])
    }

    @Test func referencesMustResolve() {
        var scenario = Scenario()
        let web = scenario.pending("web")
        let bad = Plan(launches: [scenario.launch("n1", pods: web + [42])], assignments: [NodeAssignment(node: "ghost", pods: [])])
        #expect(Set(scenario.rules(bad)) == [.unknownPod, .unknownNode])
    }

    @Test func launchNamesAreUnique() {
        var scenario = Scenario()
        scenario.node("existing")
        let web = scenario.pending("web", count: 2)
        let clash = Plan(launches: [scenario.launch("existing", pods: [web[0]]), scenario.launch("n1", pods: [web[1]])])
        #expect(scenario.rules(clash).contains(.duplicateNodeName))
        let fixed = Plan(launches: [scenario.launch("n0", pods: [web[0]]), scenario.launch("n1", pods: [web[1]])])
        #expect(scenario.rules(fixed) == [])
    }

    @Test func daemonSetPodsAreNotPlaced() {
        var scenario = Scenario()
        let agent = scenario.pending("agent", Scenario.spec { $0.owner = OwnerReference(kind: "DaemonSet", name: "agent") })
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: agent)])) == [.podNotPlaceable])
        #expect(scenario.rules(Plan()) == [])
    }

    @Test func boundPodMovesOnlyWhenEvicted() {
        var scenario = Scenario()
        scenario.node("old")
        let web = scenario.running("web", on: "old")
        let moved = Plan(launches: [scenario.launch("n1", pods: web)])
        #expect(scenario.rules(moved) == [.boundPodMoved])
        let evicted = Plan(launches: [scenario.launch("n1", pods: web)],
                           terminations: [NodeTermination(node: "old", reason: .underutilized, waitFor: ["n1"], evictedPods: web)])
        #expect(scenario.rules(evicted) == [])
    }

    @Test func podsOfDeletingNodesAreRehomed() {
        var scenario = Scenario()
        scenario.node("deleting") { $0.markedForDeletion = true }
        let web = scenario.running("web", on: "deleting")
        #expect(scenario.rules(Plan()) == [.podNotHandled])
        #expect(scenario.rules(Plan(assignments: [NodeAssignment(node: "deleting", pods: web)])).contains(.assignmentToRemovedNode))
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: web)])) == [])
    }
}
