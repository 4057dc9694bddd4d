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

    /// Every option of a NodePool ranked once for one offering filter: NodeClaims differ in which
    /// options they keep, rarely in the offerings their requirements allow, so each launch only
    /// picks its own options out of this order instead of ranking a large catalog again.
    struct PoolRanking {
        let options: [InstanceTypeOption]
        let filter: InstanceTypeOption.OfferingFilter
        /// Options with an admitted available offering, by their best one (best first).
        private let order: [(option: Int, best: LaunchOption)]
        /// Per option, the capacity types its admitted available offerings have.
        private let capacityTypes: [Set<CapacityType>]

        init(_ options: [InstanceTypeOption], filter: InstanceTypeOption.OfferingFilter) {
            self.options = options
            self.filter = filter
            var order: [(option: Int, best: LaunchOption)] = []
            var capacityTypes: [Set<CapacityType>] = []
            for (index, option) in options.enumerated() {
                // Offerings are stored best first.
                var top: LaunchOption?
                var types = Set<CapacityType>()
                for offering in option.offerings where offering.offering.available && filter.admits(offering) {
                    types.insert(offering.offering.capacityType)
                    if top == nil { top = OfferingRanking.launch(option, offering) }
                }
                if let top { order.append((index, top)) }
                capacityTypes.append(types)
            }
            // `precedes` is a total order on distinct instance types, so the order of any subset
            // is this order restricted to it.
            order.sort { precedes($0.best, $1.best) }
            self.order = order
            self.capacityTypes = capacityTypes
        }

        /// The instance types of `subset` ordered by their best available admitted offering, the
        /// `count` best offerings overall (the launch choice and its fallbacks), and the
        /// capacity types any of those offerings has.
        func rank(_ subset: IndexBitmap, count: Int)
            -> (instanceTypes: [String], offerings: [LaunchOption], capacityTypes: Set<CapacityType>) {
            var names: [String] = []
            var leaders: [Int] = []
            var capacityTypes = Set<CapacityType>()
            for entry in order where subset.contains(entry.option) {
                names.append(entry.best.instanceType)
                if leaders.count < count { leaders.append(entry.option) }
                capacityTypes.formUnion(self.capacityTypes[entry.option])
            }
            // Every offering ranks at or after its own type's best, so the `count` best offerings
            // all belong to the `count` best types.
            var offerings: [LaunchOption] = []
            for index in leaders {
                let option = options[index]
                for offering in option.offerings where offering.offering.available && filter.admits(offering) {
                    offerings.append(OfferingRanking.launch(option, offering))
                }
            }
            offerings.sort(by: precedes)
            return (names, Array(offerings.prefix(count)), capacityTypes)
        }
    }

    private static func launch(_ option: InstanceTypeOption, _ offering: InstanceTypeOption.OfferingOption)
        -> LaunchOption {
        LaunchOption(instanceType: option.name, zone: offering.offering.zone,
                     capacityType: offering.offering.capacityType, price: offering.offering.price)
    }
}
