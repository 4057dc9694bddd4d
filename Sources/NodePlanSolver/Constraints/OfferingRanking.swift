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
    /// `requirements`, the `count` best offerings overall (the launch choice and its fallbacks),
    /// and the capacity types any of those offerings has.
    static func rank(_ options: [InstanceTypeOption], requirements: Requirements, count: Int)
        -> (instanceTypes: [String], offerings: [LaunchOption], capacityTypes: Set<CapacityType>) {
        let filter = InstanceTypeOption.OfferingFilter(requirements)
        func launch(_ option: InstanceTypeOption, _ offering: InstanceTypeOption.OfferingOption) -> LaunchOption {
            LaunchOption(instanceType: option.name, zone: offering.offering.zone,
                         capacityType: offering.offering.capacityType, price: offering.offering.price)
        }
        var best: [(launch: LaunchOption, option: InstanceTypeOption)] = []
        best.reserveCapacity(options.count)
        var capacityTypes = Set<CapacityType>()
        for option in options {
            // Offerings are stored best first.
            var top: LaunchOption?
            for offering in option.offerings where offering.offering.available && filter.admits(offering) {
                capacityTypes.insert(offering.offering.capacityType)
                if top == nil { top = launch(option, offering) }
            }
            if let top { best.append((top, option)) }
        }
        best.sort { precedes($0.launch, $1.launch) }
        // Every offering ranks at or after its own type's best, so the `count` best offerings
        // all belong to the `count` best types.
        var offerings: [LaunchOption] = []
        for entry in best.prefix(count) {
            for offering in entry.option.offerings where offering.offering.available && filter.admits(offering) {
                offerings.append(launch(entry.option, offering))
            }
        }
        offerings.sort(by: precedes)
        return (best.map(\.option.name), Array(offerings.prefix(count)), capacityTypes)
    }
}
