import NodePlanModel

extension OfferingOverride {
    /// True when this override addresses `offering` of the instance type named `instanceType`.
    public func matches(_ offering: Offering, of instanceType: String) -> Bool {
        instanceType == self.instanceType && (zone.isEmpty || zone == offering.zone)
            && (capacityType == nil || capacityType == offering.capacityType)
    }

    /// Sets the price and availability this override gives on the offerings it matches.
    public func apply(to instanceType: inout InstanceType) {
        for index in instanceType.offerings.indices where matches(instanceType.offerings[index], of: instanceType.name) {
            if let price { instanceType.offerings[index].price = price }
            if let available { instanceType.offerings[index].available = available }
        }
    }
}
