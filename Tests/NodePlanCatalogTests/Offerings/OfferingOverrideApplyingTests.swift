import NodePlanCatalog
import NodePlanModel
import Testing

@Suite struct OfferingOverrideApplyingTests {
    let instanceType = InstanceType(name: "Standard_X4", capacity: ResourceList(cpu: .units(4)), offerings: [
        Offering(zone: "eastus-1", capacityType: .spot, price: 0.1),
        Offering(zone: "eastus-1", capacityType: .onDemand, price: 0.4),
        Offering(zone: "eastus-2", capacityType: .spot, price: 0.1),
        Offering(zone: "eastus-2", capacityType: .onDemand, price: 0.4),
    ])

    @Test func emptyZoneAndNilCapacityTypeMatchEverything() {
        var changed = instanceType
        OfferingOverride(instanceType: "Standard_X4", available: false).apply(to: &changed)
        #expect(changed.offerings.allSatisfy { !$0.available })
    }

    @Test func zoneAndCapacityTypeNarrowTheMatch() {
        var changed = instanceType
        OfferingOverride(instanceType: "Standard_X4", zone: "eastus-2", capacityType: .spot, price: 0.05).apply(to: &changed)
        #expect(changed.offerings.map(\.price) == [0.1, 0.4, 0.05, 0.4])
        #expect(changed.offerings.allSatisfy { $0.available })
    }

    @Test func otherInstanceTypesAreUntouched() {
        var changed = instanceType
        OfferingOverride(instanceType: "Standard_Y4", price: 9).apply(to: &changed)
        #expect(changed == instanceType)
    }
}
