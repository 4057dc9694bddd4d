import NodePlanModel
import NodePlanValidator
import Testing

@Suite struct NodeSelectionRuleTests {
    @Test func nodeSelectorMustMatchDerivedLabels() {
        var scenario = Scenario()
        let web = scenario.pending("web", Scenario.spec { $0.nodeSelector = [WellKnownLabel.zone: Scenario.zone2] })
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: web)])) == [.nodeSelectorMismatch])
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", zone: Scenario.zone2, pods: web)])) == [])
    }

    @Test func poolLabelsAndPinnedRequirementsBecomeLabels() {
        var scenario = Scenario(pool: NodePool(name: "general", labels: ["team": "search"], requirements: [
            NodeSelectorRequirement(key: "tier", operator: .in, values: ["gold", "silver"]),
        ]))
        let web = scenario.pending("web", Scenario.spec { $0.nodeSelector = ["team": "search", "tier": "gold"] })
        var launch = scenario.launch("n1", pods: web)
        #expect(scenario.rules(Plan(launches: [launch])) == [.nodeSelectorMismatch])
        launch.requirements = [.in("tier", "gold")]
        #expect(scenario.rules(Plan(launches: [launch])) == [])
    }

    @Test func someRequiredAffinityTermMustHold() {
        var scenario = Scenario()
        let big = NodeSelectorTerm([NodeSelectorRequirement(key: "example.com/cpu", operator: .gte, values: ["8"])])
        let zone2 = NodeSelectorTerm([.in(WellKnownLabel.zone, Scenario.zone2)])
        let web = scenario.pending("web", Scenario.spec { $0.affinity.nodeAffinity = NodeAffinity(required: [big, zone2]) })
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: web)])) == [.nodeAffinityMismatch])
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", Scenario.large, pods: web)])) == [])
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", zone: Scenario.zone2, pods: web)])) == [])
    }

    @Test func hardTaintsNeedTolerations() {
        let dedicated = Taint(key: "dedicated", value: "gpu", effect: .noSchedule)
        var scenario = Scenario(pool: NodePool(name: "general", taints: [dedicated],
                                               startupTaints: [Taint(key: "cni-not-ready", effect: .noExecute)]))
        let web = scenario.pending("web")
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: web)])) == [.untoleratedTaint])
        scenario.snapshot.podSpecs[0].tolerations = [Toleration(key: "dedicated", operator: .equal, value: "gpu")]
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: web)])) == [])
    }

    @Test func preferNoScheduleIsSoft() {
        var scenario = Scenario(pool: NodePool(name: "general", taints: [Taint(key: "spare", effect: .preferNoSchedule)]))
        let web = scenario.pending("web")
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: web)])) == [])
    }

    @Test func uninitializedNodesIgnoreStartupAndEphemeralTaints() {
        var scenario = Scenario()
        let startup = Taint(key: "example.com/agent-not-ready", effect: .noSchedule)
        scenario.node("fresh") {
            $0.initialized = false
            $0.startupTaints = [startup]
            $0.taints = [startup, Taint(key: "node.kubernetes.io/not-ready", effect: .noSchedule)]
        }
        let web = scenario.pending("web")
        #expect(scenario.rules(Plan(assignments: [NodeAssignment(node: "fresh", pods: web)])) == [])
        scenario.snapshot.nodes[0].initialized = true
        #expect(scenario.rules(Plan(assignments: [NodeAssignment(node: "fresh", pods: web)])) == [.untoleratedTaint])
    }

    @Test func volumeTopologyNeedsOneAlternative() {
        var scenario = Scenario()
        let db = scenario.pending("db", Scenario.spec {
            $0.volumes.topologyAlternatives = [[.in(WellKnownLabel.zone, Scenario.zone2)]]
        })
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: db)])) == [.volumeTopologyMismatch])
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", zone: Scenario.zone2, pods: db)])) == [])
    }

    @Test func deprecatedLabelKeysReadTheirStableSpelling() {
        var scenario = Scenario()
        let web = scenario.pending("web", Scenario.spec { $0.nodeSelector = ["failure-domain.beta.kubernetes.io/zone": Scenario.zone2] })
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: web)])) == [.nodeSelectorMismatch])
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", zone: Scenario.zone2, pods: web)])) == [])
    }
}
