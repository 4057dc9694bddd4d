import NodePlanModel
import NodePlanValidator
import Testing

@Suite struct LaunchRuleTests {
    @Test func poolMustExistAndBeDynamic() {
        var scenario = Scenario()
        let web = scenario.pending("web")
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: web, pool: "gpu")])).contains(.unknownNodePool))
        scenario.snapshot.nodePools[0].replicas = 3
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: web)])) == [.staticNodePool])
    }

    @Test func instanceTypeMustBeOfferedToThePool() {
        var scenario = Scenario()
        scenario.snapshot.nodePools.append(NodePool(name: "batch"))
        scenario.instanceTypes = ["general": [Scenario.small], "batch": [Scenario.large]]
        let web = scenario.pending("web")
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", Scenario.large, pods: web)])) == [.unknownInstanceType])
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", Scenario.large, pods: web, pool: "batch")])) == [])
    }

    @Test func offeringMustExistBeAvailableAndPriced() {
        var scenario = Scenario()
        let web = scenario.pending("web")
        var launch = scenario.launch("n1", pods: web)
        launch.choice.zone = "test-9"
        #expect(scenario.rules(Plan(launches: [launch])).contains(.unknownOffering))

        let unavailable = scenario.launch("n1", Scenario.large, zone: Scenario.zone2, capacityType: .onDemand, pods: web)
        #expect(scenario.rules(Plan(launches: [unavailable])) == [.unavailableOffering])

        var underpriced = scenario.launch("n1", pods: web)
        underpriced.choice.price = 0.01
        #expect(scenario.rules(Plan(launches: [underpriced])) == [.priceMismatch])
    }

    @Test func requirementsOfPoolTypeAndOfferingMustIntersect() {
        var scenario = Scenario(pool: NodePool(name: "general", requirements: [
            .in(WellKnownLabel.zone, Scenario.zone2),
            NodeSelectorRequirement(key: "example.com/cpu", operator: .gt, values: ["4"]),
        ]))
        let web = scenario.pending("web")
        let violations = scenario.violations(Plan(launches: [scenario.launch("n1", pods: web)]))
        #expect(violations.map(\.rule) == [.incompatibleRequirements, .incompatibleRequirements])
        #expect(violations.contains { $0.message.contains("example.com/cpu") })
        #expect(violations.contains { $0.message.contains(WellKnownLabel.zone) })
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", Scenario.large, zone: Scenario.zone2, capacityType: .spot,
                                                               pods: web)])) == [])
    }

    @Test func launchRequirementsMustAgreeWithTheChoice() {
        var scenario = Scenario()
        let web = scenario.pending("web")
        var launch = scenario.launch("n1", pods: web)
        launch.requirements = [.in(WellKnownLabel.capacityType, "spot")]
        #expect(scenario.rules(Plan(launches: [launch])) == [.incompatibleRequirements])
        launch.requirements = [.in(WellKnownLabel.hostname, "placeholder")]
        #expect(scenario.rules(Plan(launches: [launch])) == [.incompatibleRequirements])
        launch.requirements = [NodeSelectorRequirement(key: WellKnownLabel.instanceType, operator: .in, values: ["small", "large"])]
        #expect(scenario.rules(Plan(launches: [launch])) == [])
    }

    @Test func fallbacksMustBeValidAlternatives() {
        var scenario = Scenario()
        let web = scenario.pending("web", Scenario.spec(cpu: "1500m"), count: 2)
        var launch = scenario.launch("n1", Scenario.large, pods: web)
        launch.fallbacks = [Scenario.option(Scenario.large, zone: Scenario.zone1, capacityType: .spot)]
        #expect(scenario.rules(Plan(launches: [launch])) == [])

        launch.fallbacks = [LaunchOption(instanceType: "large", zone: Scenario.zone2, capacityType: .onDemand, price: 0.4)]
        #expect(scenario.rules(Plan(launches: [launch])) == [.invalidFallback])

        launch.fallbacks = [Scenario.option(Scenario.small)]
        let tooSmall = scenario.violations(Plan(launches: [launch]))
        #expect(tooSmall.map(\.rule) == [.invalidFallback])
        #expect(tooSmall.first?.message.contains("too small") == true)
    }

    @Test func fallbacksKeepPodsInTheirTopologyDomains() {
        var scenario = Scenario()
        let spread = TopologySpreadConstraint(maxSkew: 1, topologyKey: WellKnownLabel.zone,
                                              labelSelector: LabelSelector(matchLabels: ["app": "web"]))
        let web = scenario.pending("web", Scenario.spec(labels: ["app": "web"]) { $0.topologySpreadConstraints = [spread] })
        var launch = scenario.launch("n1", pods: web)
        launch.fallbacks = [Scenario.option(Scenario.small, zone: Scenario.zone2)]
        #expect(scenario.rules(Plan(launches: [launch])) == [.invalidFallback])
        launch.fallbacks = [Scenario.option(Scenario.large)]
        #expect(scenario.rules(Plan(launches: [launch])) == [])
    }

    @Test func customLabelsMustBeDefinedByPoolOrType() {
        var scenario = Scenario()
        let web = scenario.pending("web")
        var launch = scenario.launch("n1", pods: web)
        launch.labels = ["team": "search"]
        #expect(scenario.rules(Plan(launches: [launch])) == [.incompatibleRequirements])
        launch.labels = [:]
        launch.requirements = [.in("team", "search")]
        #expect(scenario.rules(Plan(launches: [launch])) == [.incompatibleRequirements])
        scenario.snapshot.nodePools[0].requirements = [NodeSelectorRequirement(key: "team", operator: .exists)]
        #expect(scenario.rules(Plan(launches: [launch])) == [])
        // Well-known keys need no definition; keys the instance type defines are fine too.
        launch.requirements = [.in(WellKnownLabel.os, "linux"), .in("example.com/cpu", "2")]
        #expect(scenario.rules(Plan(launches: [launch])) == [])
    }

    @Test func minValuesNeedsEnoughDistinctOptions() {
        var scenario = Scenario(pool: NodePool(name: "general", requirements: [
            NodeSelectorRequirement(key: WellKnownLabel.instanceType, operator: .exists, minValues: 2),
        ]))
        let web = scenario.pending("web")
        var launch = scenario.launch("n1", pods: web)
        launch.fallbacks = [Scenario.option(Scenario.small, zone: Scenario.zone1, capacityType: .spot)]
        #expect(scenario.rules(Plan(launches: [launch])) == [.minValuesUnmet])
        launch.minValuesRelaxed = true
        scenario.snapshot.options.minValuesPolicy = .bestEffort
        #expect(scenario.rules(Plan(launches: [launch])) == [])
        launch.minValuesRelaxed = false
        launch.fallbacks.append(Scenario.option(Scenario.large))
        #expect(scenario.rules(Plan(launches: [launch])) == [])
    }
}
