import NodePlanModel
import NodePlanValidator
import Testing

@Suite struct TopologySpreadRuleTests {
    private static func spread(_ key: String, maxSkew: Int32 = 1, minDomains: Int32? = nil,
                               when action: UnsatisfiableConstraintAction = .doNotSchedule) -> PodSpec {
        Scenario.spec(cpu: "100m", memory: "64Mi", labels: ["app": "web"]) {
            $0.topologySpreadConstraints = [TopologySpreadConstraint(
                maxSkew: maxSkew, topologyKey: key, whenUnsatisfiable: action,
                labelSelector: LabelSelector(matchLabels: ["app": "web"]), minDomains: minDomains)]
        }
    }

    /// Existing nodes `a` in test-1 and `b` in test-2.
    private static func twoZones(_ spec: PodSpec, pending: Int) -> (Scenario, [Int32]) {
        var scenario = Scenario()
        scenario.node("a", zone: Scenario.zone1)
        scenario.node("b", zone: Scenario.zone2)
        let pods = scenario.pending("web", spec, count: pending)
        return (scenario, pods)
    }

    @Test func zonalSkewIsBounded() {
        let (scenario, web) = Self.twoZones(Self.spread(WellKnownLabel.zone), pending: 4)
        let lopsided = Plan(assignments: [NodeAssignment(node: "a", pods: Array(web[0..<3])), NodeAssignment(node: "b", pods: [web[3]])])
        #expect(Set(scenario.rules(lopsided)) == [.topologySpreadViolated])
        let even = Plan(assignments: [NodeAssignment(node: "a", pods: Array(web[0..<2])), NodeAssignment(node: "b", pods: Array(web[2..<4]))])
        #expect(scenario.rules(even) == [])
    }

    @Test func scheduleAnywayIsSoft() {
        let (scenario, web) = Self.twoZones(Self.spread(WellKnownLabel.zone, when: .scheduleAnyway), pending: 4)
        #expect(scenario.rules(Plan(assignments: [NodeAssignment(node: "a", pods: web)])) == [])
    }

    @Test func existingPodsCountAndNewNodesAddDomains() {
        var (scenario, web) = Self.twoZones(Self.spread(WellKnownLabel.zone), pending: 2)
        scenario.running("web-old", Self.spread(WellKnownLabel.zone), on: "a", count: 2)
        // test-1 already holds 2: both new pods belong in test-2.
        #expect(scenario.rules(Plan(assignments: [NodeAssignment(node: "a", pods: [web[0]]), NodeAssignment(node: "b", pods: [web[1]])]))
            == [.topologySpreadViolated])
        #expect(scenario.rules(Plan(assignments: [NodeAssignment(node: "b", pods: web)])) == [])
    }

    @Test func hostnameSpreadCountsEveryEligibleNode() {
        let (scenario, web) = Self.twoZones(Self.spread(WellKnownLabel.hostname), pending: 3)
        let doubled = Plan(launches: [scenario.launch("n1", pods: Array(web[0..<2]))], assignments: [NodeAssignment(node: "a", pods: [web[2]])])
        // Node b holds none, so two on n1 is a skew of 2.
        #expect(scenario.rules(doubled) == [.topologySpreadViolated, .topologySpreadViolated])
        let spread = Plan(launches: [scenario.launch("n1", pods: [web[0]])],
                          assignments: [NodeAssignment(node: "a", pods: [web[1]]), NodeAssignment(node: "b", pods: [web[2]])])
        #expect(scenario.rules(spread) == [])
    }

    @Test func nodesThePodCannotSelectAreNotDomains() {
        var spec = Self.spread(WellKnownLabel.hostname)
        spec.nodeSelector = [WellKnownLabel.zone: Scenario.zone1]
        let (scenario, web) = Self.twoZones(spec, pending: 2)
        // b is in test-2: not eligible, so its emptiness does not count against two nodes with one each.
        let plan = Plan(launches: [scenario.launch("n1", pods: [web[0]])], assignments: [NodeAssignment(node: "a", pods: [web[1]])])
        #expect(scenario.rules(plan) == [])
    }

    @Test func minDomainsForcesAZeroMinimum() {
        let (scenario, web) = Self.twoZones(Self.spread(WellKnownLabel.zone, maxSkew: 1, minDomains: 3), pending: 4)
        let even = Plan(assignments: [NodeAssignment(node: "a", pods: Array(web[0..<2])), NodeAssignment(node: "b", pods: Array(web[2..<4]))])
        #expect(Set(scenario.rules(even)) == [.topologySpreadViolated])
        let (relaxed, pods) = Self.twoZones(Self.spread(WellKnownLabel.zone, maxSkew: 2, minDomains: 3), pending: 4)
        let fits = Plan(assignments: [NodeAssignment(node: "a", pods: Array(pods[0..<2])), NodeAssignment(node: "b", pods: Array(pods[2..<4]))])
        #expect(relaxed.rules(fits) == [])
    }

    @Test func nodeWithoutTheKeyIsRejected() {
        var scenario = Scenario()
        let web = scenario.pending("web", Self.spread("example.com/rack"))
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: web)])) == [.topologySpreadViolated])
    }

    @Test func matchLabelKeysSeparateRevisions() {
        var spec = Self.spread(WellKnownLabel.hostname)
        spec.topologySpreadConstraints[0].matchLabelKeys = ["pod-template-hash"]
        var oldRevision = spec
        oldRevision.labels["pod-template-hash"] = "v1"
        var newRevision = spec
        newRevision.labels["pod-template-hash"] = "v2"
        var scenario = Scenario()
        scenario.node("a")
        scenario.node("b")
        scenario.running("web-v1", oldRevision, on: "a", count: 2)
        let web = scenario.pending("web-v2", newRevision, count: 2)
        // The v1 pods on a do not count against v2: one v2 pod per node is balanced.
        let plan = Plan(assignments: [NodeAssignment(node: "a", pods: [web[0]]), NodeAssignment(node: "b", pods: [web[1]])])
        #expect(scenario.rules(plan) == [])
        scenario.snapshot.podSpecs[1].topologySpreadConstraints[0].matchLabelKeys = []
        #expect(scenario.rules(plan) == [.topologySpreadViolated])
    }

    @Test func honoringTaintsDropsUntoleratedDomains() {
        var (scenario, web) = Self.twoZones(Self.spread(WellKnownLabel.zone), pending: 2)
        scenario.snapshot.nodes[1].taints = [Taint(key: "reserved", effect: .noSchedule)]
        let packed = Plan(assignments: [NodeAssignment(node: "a", pods: web)])
        // Ignored taints (the default): tainted test-2 is an empty domain, so two in test-1 is a skew of 2.
        #expect(scenario.rules(packed) == [.topologySpreadViolated, .topologySpreadViolated])
        scenario.snapshot.podSpecs[0].topologySpreadConstraints[0].nodeTaintsPolicy = .honor
        #expect(scenario.rules(packed) == [])
    }
}
