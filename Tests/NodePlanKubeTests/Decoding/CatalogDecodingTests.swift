import Testing
import NodePlanModel
@testable import NodePlanKube

@Suite struct CatalogDecodingTests {
    @Test func customInstanceTypes() throws {
        let snapshot = try Fixtures.snapshot(["catalog.yaml"])
        let small = try #require(snapshot.instanceTypes.first)
        #expect(small.name == "fake-it-4")
        #expect(small.capacity == [ResourceName.cpu: .units(4), ResourceName.memory: .gibibytes(16),
                                   ResourceName.pods: .units(110), ResourceName.ephemeralStorage: .gibibytes(20)])
        #expect(small.overhead == [ResourceName.cpu: .millis(100), ResourceName.memory: .gibibytes(1)])
        #expect(small.requirements == [
            .in(WellKnownLabel.instanceType, "fake-it-4"),
            .in(WellKnownLabel.os, "linux"),
            .in(WellKnownLabel.arch, "amd64"),
            .in("size", "small"),
            NodeSelectorRequirement(key: WellKnownLabel.azureSKUFamily, operator: .in, values: ["D", "Dx"]),
        ])
        #expect(small.offerings == [
            Offering(zone: "test-zone-1", capacityType: .spot, price: 0.052),
            Offering(zone: "test-zone-1", capacityType: .onDemand, price: 0.192, available: false),
        ])
        #expect(snapshot.instanceTypes[1].offerings == [Offering(zone: "test-zone-2", capacityType: .onDemand, price: 0.384)])
    }

    @Test func builtinSelectionAndOverrides() throws {
        let catalog = try #require(try Fixtures.snapshot(["catalog.yaml"]).catalog)
        #expect(catalog == CatalogSelection(
            region: "westus2", overheadModel: .aksMaxPods, instanceTypes: ["Standard_D4s_v5", "Standard_E8s_v5"],
            overrides: [OfferingOverride(instanceType: "Standard_D4s_v5", zone: "westus2-1", capacityType: .spot,
                                         available: false),
                        OfferingOverride(instanceType: "Standard_E8s_v5", price: 0.41)]))
    }

    @Test func noCatalogFileLeavesTheChoiceToTheCaller() throws {
        let snapshot = try Fixtures.snapshot(["karpenter.yaml"])
        #expect(snapshot.catalog == nil)
        #expect(snapshot.instanceTypes.isEmpty)
    }
}
