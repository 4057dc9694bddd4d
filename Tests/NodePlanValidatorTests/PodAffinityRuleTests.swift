import NodePlanModel
import NodePlanValidator
import Testing

@Suite struct PodAffinityRuleTests {
    private static func term(_ app: String, _ key: String) -> PodAffinityTerm {
        PodAffinityTerm(labelSelector: LabelSelector(matchLabels: ["app": app]), topologyKey: key)
    }

    /// Existing nodes `a` (test-1, running `db`) and `b` (test-2).
    private static func withDatabase() -> Scenario {
        var scenario = Scenario()
        scenario.node("a", zone: Scenario.zone1)
        scenario.node("b", zone: Scenario.zone2)
        scenario.running("db", Scenario.spec(labels: ["app": "db"]), on: "a")
        return scenario
    }

    @Test func affinityNeedsAMatchInTheDomain() {
        var scenario = Self.withDatabase()
        let web = scenario.pending("web", Scenario.spec(labels: ["app": "web"]) {
            $0.affinity.podAffinity = PodAffinityRules(required: [Self.term("db", WellKnownLabel.zone)])
        })
        #expect(scenario.rules(Plan(assignments: [NodeAssignment(node: "b", pods: web)])) == [.podAffinityViolated])
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", zone: Scenario.zone1, pods: web)])) == [])
    }

    @Test func affinityLooksInTheTermsNamespaces() {
        var scenario = Self.withDatabase()
        let web = scenario.pending("web", Scenario.spec(labels: ["app": "web"]) {
            $0.namespace = "shop"
            $0.affinity.podAffinity = PodAffinityRules(required: [Self.term("db", WellKnownLabel.zone)])
        })
        let plan = Plan(assignments: [NodeAssignment(node: "a", pods: web)])
        #expect(scenario.rules(plan) == [.podAffinityViolated])
        scenario.snapshot.podSpecs[1].affinity.podAffinity?.required[0].namespaces = ["default"]
        #expect(scenario.rules(plan) == [])
    }

    private static let selfAffine = Scenario.spec(labels: ["app": "group"]) {
        $0.affinity.podAffinity = PodAffinityRules(required: [Self.term("group", WellKnownLabel.zone)])
    }

    @Test func selfAffinityBootstrapsOneDomain() {
        var scenario = Scenario()
        let group = scenario.pending("group", Self.selfAffine, count: 4)
        let apart = Plan(launches: [scenario.launch("n1", zone: Scenario.zone1, pods: [group[0]]),
                                    scenario.launch("n2", zone: Scenario.zone2, pods: [group[1]])],
                         unschedulable: [UnschedulablePod(pod: group[2], reason: "x"), UnschedulablePod(pod: group[3], reason: "x")])
        #expect(scenario.rules(apart) == [.podAffinityViolated, .podAffinityViolated])
        // Pairs in two zones: each pod has company, but the second zone had no one to join.
        let pairs = Plan(launches: [scenario.launch("n1", zone: Scenario.zone1, pods: Array(group[0..<2])),
                                    scenario.launch("n2", zone: Scenario.zone2, pods: Array(group[2..<4]))])
        #expect(scenario.rules(pairs) == Array(repeating: .podAffinityViolated, count: 4))
        let together = Plan(launches: [scenario.launch("n1", zone: Scenario.zone1, pods: Array(group[0..<2])),
                                       scenario.launch("n2", zone: Scenario.zone1, pods: Array(group[2..<4]))])
        #expect(scenario.rules(together) == [])
    }

    @Test func selfAffinityJoinsRunningReplicas() {
        var scenario = Self.withDatabase()
        scenario.running("group-old", Self.selfAffine, on: "b")
        let group = scenario.pending("group", Self.selfAffine, count: 2)
        #expect(scenario.rules(Plan(assignments: [NodeAssignment(node: "a", pods: group)])) == [.podAffinityViolated, .podAffinityViolated])
        #expect(scenario.rules(Plan(assignments: [NodeAssignment(node: "b", pods: group)])) == [])
    }

    @Test func antiAffinityKeepsMatchesApart() {
        var scenario = Scenario()
        let nginx = scenario.pending("nginx", Scenario.spec(labels: ["app": "nginx"]) {
            $0.affinity.podAntiAffinity = PodAffinityRules(required: [Self.term("nginx", WellKnownLabel.hostname)])
        }, count: 2)
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: nginx)])) == [.podAntiAffinityViolated, .podAntiAffinityViolated])
        let apart = Plan(launches: [scenario.launch("n1", pods: [nginx[0]]), scenario.launch("n2", pods: [nginx[1]])])
        #expect(scenario.rules(apart) == [])
    }

    @Test func existingPodsRepelMatchingNewcomers() {
        var scenario = Self.withDatabase()
        scenario.running("loner", Scenario.spec(labels: ["app": "loner"]) {
            $0.affinity.podAntiAffinity = PodAffinityRules(required: [Self.term("web", WellKnownLabel.zone)])
        }, on: "b")
        let web = scenario.pending("web", Scenario.spec(labels: ["app": "web"]))
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", zone: Scenario.zone2, pods: web)])) == [.podAntiAffinityViolated])
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", zone: Scenario.zone1, pods: web)])) == [])
    }

    @Test func namespaceSelectorPicksNamespacesByLabel() {
        var scenario = Self.withDatabase()
        scenario.snapshot.namespaces = [Namespace(name: "default", labels: ["team": "data"]), Namespace(name: "shop")]
        var term = Self.term("db", WellKnownLabel.zone)
        term.namespaceSelector = LabelSelector(matchLabels: ["team": "data"])
        let web = scenario.pending("web", Scenario.spec(labels: ["app": "web"]) {
            $0.namespace = "shop"
            $0.affinity.podAffinity = PodAffinityRules(required: [term])
        })
        let plan = Plan(assignments: [NodeAssignment(node: "a", pods: web)])
        #expect(scenario.rules(plan) == [])
        scenario.snapshot.namespaces[0].labels = [:]
        #expect(scenario.rules(plan) == [.podAffinityViolated])
    }
}
