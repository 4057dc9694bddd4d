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

    @Test func selfAffinityBootstrapsOneDomain() {
        var scenario = Scenario()
        let group = scenario.pending("group", Scenario.spec(labels: ["app": "group"]) {
            $0.affinity.podAffinity = PodAffinityRules(required: [Self.term("group", WellKnownLabel.zone)])
        }, count: 2)
        let apart = Plan(launches: [scenario.launch("n1", zone: Scenario.zone1, pods: [group[0]]),
                                    scenario.launch("n2", zone: Scenario.zone2, pods: [group[1]])])
        #expect(scenario.rules(apart) == [.podAffinityViolated, .podAffinityViolated])
        let together = Plan(launches: [scenario.launch("n1", zone: Scenario.zone1, pods: [group[0]]),
                                       scenario.launch("n2", zone: Scenario.zone1, pods: [group[1]])])
        #expect(scenario.rules(together) == [])
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
}
