import NodePlanModel
import NodePlanSolver
import NodePlanTesting
import Testing

@Suite struct SpotToSpotTests {
    let types = ConsolidationTypes.self

    @Test func spotNodesAreNotReplacedBySpotByDefault() {
        let result = Scenario().pool("default").instanceTypes(types.all)
            .node("big", like: types.large, pool: "default", capacityType: .spot)
            .running("web", on: "big", PodTemplate(cpu: "500m"))
            .consolidate()
        #expect(result.plan.terminations.isEmpty)
    }

    @Test func withTheFeatureGateFewerThanFifteenCheaperTypesAreNotEnough() {
        let result = Scenario().pool("default").instanceTypes(types.all)
            .node("big", like: types.large, pool: "default", capacityType: .spot)
            .running("web", on: "big", PodTemplate(cpu: "500m"))
            .options { $0.spotToSpotConsolidation = true }.consolidate()
        #expect(result.plan.terminations.isEmpty)
    }

    @Test func withTheFeatureGateTheReplacementKeepsTheFifteenCheapestSpotTypes() throws {
        let catalog = InstanceTypes.benchmark(count: 40)
        let result = Scenario().pool("default").instanceTypes(catalog)
            .node("big", like: catalog[19], pool: "default", capacityType: .spot)
            .running("web", on: "big", PodTemplate(cpu: "500m"))
            .options { $0.spotToSpotConsolidation = true }.consolidate()
        let launch = try #require(result.launches.first)
        #expect(result.terminatedNodes == ["big"])
        #expect(launch.choice.capacityType == .spot)
        #expect(launch.choice.instanceType == "fake-it-0")
        let allowedTypes = launch.requirements.first { $0.key == WellKnownLabel.instanceType }?.values ?? []
        #expect(Set(allowedTypes) == Set((0..<15).map { "fake-it-\($0)" }))
        #expect(launch.fallbacks.allSatisfy { $0.capacityType == .spot })
        result.expectValid()
    }

    @Test func onDemandNodesMayMoveToSpot() throws {
        let result = Scenario().pool("default").instanceTypes(types.all)
            .node("big", like: types.large, pool: "default")
            .running("web", on: "big", PodTemplate(cpu: "500m"))
            .consolidate()
        #expect(try #require(result.launches.first).choice.capacityType == .spot)
        result.expectValid()
    }
}
