import NodePlanModel

/// How a NodeClaim's launch is chosen among its fitting instance types' offerings (the Azure
/// allocation strategy, made deterministic): price ascending, spot before on-demand, zonal before
/// regional, then zone and instance-type name instead of a random shuffle.
enum OfferingRanking {
    static func precedes(_ lhs: LaunchOption, _ rhs: LaunchOption) -> Bool {
        if lhs.price != rhs.price { return lhs.price < rhs.price }
        if lhs.capacityType != rhs.capacityType { return lhs.capacityType < rhs.capacityType }
        let lhsRegional = lhs.zone == "0"
        let rhsRegional = rhs.zone == "0"
        if lhsRegional != rhsRegional { return rhsRegional }
        if lhs.zone != rhs.zone { return lhs.zone < rhs.zone }
        return lhs.instanceType < rhs.instanceType
    }

    /// Every available offering of `options` compatible with `requirements`, best first.
    static func ranked(_ options: [InstanceTypeOption], requirements: Requirements) -> [LaunchOption] {
        let filter = InstanceTypeOption.OfferingFilter(requirements)
        var launches: [LaunchOption] = []
        for option in options {
            for offering in option.offerings where offering.offering.available && filter.admits(offering) {
                launches.append(LaunchOption(instanceType: option.name, zone: offering.offering.zone,
                                             capacityType: offering.offering.capacityType,
                                             price: offering.offering.price))
            }
        }
        return launches.sorted(by: precedes)
    }
}
