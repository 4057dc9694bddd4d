import NodePlanModel
import NodePlanTesting
import Testing

@Suite struct OfferingSelectionTests {
    @Test func cheapestAvailableOfferingWinsAndFallbacksAreRankedByPrice() {
        let a = InstanceTypes.make("a", cpu: 2, memoryGiB: 4, price: 0.10, spotPrice: 0.05,
                                   zones: ["test-zone-1", "test-zone-2"])
        let b = InstanceTypes.make("b", cpu: 2, memoryGiB: 4, price: 0.05, zones: ["test-zone-1"],
                                   capacityTypes: [.onDemand])
        let result = Scenario().pool("default").instanceTypes([a, b]).pods("web").solve()
        let launch = result.launches[0]
        #expect(launch.choice == LaunchOption(instanceType: "a", zone: "test-zone-1", capacityType: .spot, price: 0.05))
        #expect(launch.fallbacks.map { "\($0.instanceType)/\($0.zone)/\($0.capacityType.rawValue)" } == [
            "a/test-zone-2/spot", "b/test-zone-1/on-demand", "a/test-zone-1/on-demand", "a/test-zone-2/on-demand",
        ])
    }

    @Test func launchRequirementsListInstanceTypesAndCapacityTypesLikeANodeClaim() {
        let cheap = InstanceTypes.make("cheap", cpu: 2, memoryGiB: 4, price: 0.1)
        let dear = InstanceTypes.make("dear", cpu: 4, memoryGiB: 8, price: 0.2, capacityTypes: [.onDemand])
        let launch = Scenario().pool("default").instanceTypes([dear, cheap]).pods("web").solve().launches[0]
        let values = Dictionary(launch.requirements.map { ($0.key, $0.values) }, uniquingKeysWith: +)
        #expect(values[WellKnownLabel.instanceType] == ["cheap", "dear"])
        #expect(values[WellKnownLabel.capacityType] == ["on-demand", "spot"])
        #expect(values[WellKnownLabel.nodePool] == ["default"])
        #expect(values[WellKnownLabel.hostname] == nil)
    }

    @Test func fallbacksAreCappedByOptions() {
        let result = Scenario().pool("default").instanceTypes(InstanceTypes.benchmark(count: 20))
            .options { $0.maxFallbacks = 3 }.pods("web").solve()
        #expect(result.launches[0].fallbacks.count == 3)
    }

    @Test func unavailableOfferingsAreNeverChosen() {
        var a = InstanceTypes.make("a", cpu: 2, memoryGiB: 4, price: 0.10, zones: ["test-zone-1"],
                                   capacityTypes: [.onDemand])
        a.offerings[0].available = false
        let b = InstanceTypes.make("b", cpu: 2, memoryGiB: 4, price: 0.20, zones: ["test-zone-1"],
                                   capacityTypes: [.onDemand])
        let result = Scenario().pool("default").instanceTypes([a, b]).pods("web").solve()
        #expect(result.launches[0].choice.instanceType == "b")
        #expect(result.launches[0].fallbacks.isEmpty)
    }

    @Test func zonalBeatsRegionalAtEqualPrice() {
        let a = InstanceTypes.make("a", cpu: 2, memoryGiB: 4, price: 0.10, zones: ["0", "westus2-1"],
                                   capacityTypes: [.onDemand])
        let result = Scenario().pool("default").instanceTypes([a]).pods("web").solve()
        #expect(result.launches[0].choice.zone == "westus2-1")
        #expect(result.launches[0].fallbacks.map(\.zone) == ["0"])
    }

    @Test func capacityTypeRequirementRestrictsOfferings() {
        let a = InstanceTypes.make("a", cpu: 2, memoryGiB: 4, price: 0.10)
        let result = Scenario().pool("default", requirements: [.in(WellKnownLabel.capacityType, "on-demand")])
            .instanceTypes([a]).pods("web").solve()
        #expect(result.launches[0].choice.capacityType == .onDemand)
        #expect(result.launches[0].fallbacks.allSatisfy { $0.capacityType == .onDemand })
    }

    @Test func extendedResourcesNeedAnInstanceTypeThatHasThem() {
        let cpuOnly = InstanceTypes.make("cpu", cpu: 8, memoryGiB: 32, price: 0.3)
        let gpu = InstanceTypes.make("gpu", cpu: 8, memoryGiB: 32, price: 2.0,
                                     extra: [ResourceName.nvidiaGPU: .units(1)])
        let result = Scenario().pool("default").instanceTypes([cpuOnly, gpu])
            .pods("trainer", PodTemplate(cpu: "1").requesting(ResourceName.nvidiaGPU, "1"))
            .pods("web", PodTemplate(cpu: "1"))
            .solve()
        #expect(result.launch(of: "trainer-0")?.choice.instanceType == "gpu")
        #expect(result.launch(of: "web-0")?.choice.instanceType == "gpu")
    }

    @Test func podCapacityLimitsPodsPerNode() {
        let tiny = InstanceTypes.make("tiny", cpu: 16, memoryGiB: 64, pods: 2, price: 0.1)
        let result = Scenario().pool("default").instanceTypes([tiny]).pods("web", count: 5, PodTemplate(cpu: "10m"))
            .solve()
        #expect(result.launches.map(\.pods.count) == [2, 2, 1])
    }
}

@Suite struct MinValuesTests {
    let types = ["D", "E", "F"].enumerated().map { index, family in
        InstanceTypes.make("\(family)4", cpu: 4, memoryGiB: 16, price: 0.1 * Double(index + 1),
                           labels: [WellKnownLabel.azureSKUFamily: family])
    }

    func scenario(minValues: Int, _ policy: MinValuesPolicy, pod: PodTemplate = PodTemplate()) -> Solved {
        Scenario().pool("default", requirements: [NodeSelectorRequirement(
            key: WellKnownLabel.azureSKUFamily, operator: .exists, minValues: minValues)])
            .instanceTypes(types).options { $0.minValuesPolicy = policy }.pods("web", pod).solve()
    }

    @Test func launchesKeepEnoughDistinctValues() {
        let result = scenario(minValues: 3, .strict)
        #expect(result.launches.count == 1)
        #expect(result.launches[0].minValuesRelaxed == false)
        let requirement = result.launches[0].requirements.first { $0.key == WellKnownLabel.instanceType }
        #expect(requirement?.values == ["D4", "E4", "F4"])
    }

    @Test func strictPolicyRejectsNodeClaimsBelowMinValues() {
        let picky = PodTemplate().requiredNodeAffinity([.in(WellKnownLabel.azureSKUFamily, "D", "E")])
        #expect(scenario(minValues: 3, .strict, pod: picky).unschedulable("web-0")?.reason.contains("minValues") == true)
        let relaxed = scenario(minValues: 3, .bestEffort, pod: picky)
        #expect(relaxed.launches.first?.minValuesRelaxed == true)
    }
}
