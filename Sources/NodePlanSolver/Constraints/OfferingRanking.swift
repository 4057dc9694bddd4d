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

    /// The instance types of `options` ordered by their best available offering compatible with
    /// `requirements`, and the `count` best offerings overall (the launch choice and its fallbacks).
    static func rank(_ options: [InstanceTypeOption], requirements: Requirements, count: Int)
        -> (instanceTypes: [String], offerings: [LaunchOption]) {
        let filter = InstanceTypeOption.OfferingFilter(requirements)
        func launchOptions(_ option: InstanceTypeOption) -> [LaunchOption] {
            option.offerings.filter { $0.offering.available && filter.admits($0) }.map {
                LaunchOption(instanceType: option.name, zone: $0.offering.zone,
                             capacityType: $0.offering.capacityType, price: $0.offering.price)
            }
        }
        var best: [(launch: LaunchOption, option: InstanceTypeOption)] = []
        for option in options {
            if let first = launchOptions(option).min(by: precedes) { best.append((first, option)) }
        }
        best.sort { precedes($0.launch, $1.launch) }
        // Every offering ranks at or after its own type's best, so the `count` best offerings
        // all belong to the `count` best types.
        let offerings = best.prefix(count).flatMap { launchOptions($0.option) }.sorted(by: precedes).prefix(count)
        return (best.map(\.option.name), Array(offerings))
    }
}
