import NodePlanModel

/// The offerings a replacement NodeClaim may launch with, narrowed by Karpenter's replacement
/// rules before the launch is rewritten to carry only the survivors.
struct ReplacementOffer {
    /// Every available offering of the launch's instance types its requirements allow, cheapest first.
    private(set) var options: [LaunchOption]
    private var launch: NodeLaunch

    /// Spot-to-spot single-node replacements need at least this many cheaper instance types, and
    /// keep only that many, so the next pass does not replace the node again.
    static let minimumSpotToSpotInstanceTypes = 15

    init(_ launch: NodeLaunch, types: [InstanceType]) {
        self.launch = launch
        let allowedTypes = Set(launch.requirements.filter { $0.key == WellKnownLabel.instanceType && $0.operator == .in }
            .flatMap(\.values))
        var options: [LaunchOption] = []
        for type in types where allowedTypes.contains(type.name) {
            for offering in type.offerings where offering.available
                && Self.allows(launch.requirements, WellKnownLabel.zone, offering.zone)
                && Self.allows(launch.requirements, WellKnownLabel.capacityType, offering.capacityType.rawValue) {
                options.append(LaunchOption(instanceType: type.name, zone: offering.zone,
                                            capacityType: offering.capacityType, price: offering.price))
            }
        }
        self.options = options.sorted(by: Self.cheaper)
        if self.options.isEmpty { self.options = [launch.choice] + launch.fallbacks }
    }

    var allowsSpot: Bool { options.contains { $0.capacityType == .spot } }
    var allowsOnDemand: Bool { options.contains { $0.capacityType != .spot } }
    var instanceTypeCount: Int { Set(options.map(\.instanceType)).count }

    /// Keeps the options priced strictly below `price`.
    mutating func keepCheaper(than price: Double) { options.removeAll { $0.price >= price } }

    /// Karpenter's `filterOutSameInstanceType`: when a candidate's own instance type is among the
    /// options, every option must undercut the cheapest such candidate, so two X nodes are never
    /// swapped for one more X.
    mutating func dropSameInstanceType(as candidates: [DisruptionCandidate]) {
        let offered = Set(options.map(\.instanceType))
        let sameTypePrices = candidates.filter { offered.contains($0.instanceType) }.compactMap(\.price)
        guard let limit = sameTypePrices.min() else { return }
        keepCheaper(than: limit)
    }

    mutating func keepSpotOnly() { options.removeAll { $0.capacityType != .spot } }

    /// Keeps the options of the `count` cheapest instance types.
    mutating func keepCheapestInstanceTypes(_ count: Int) {
        var kept: [String] = []
        for option in options where !kept.contains(option.instanceType) && kept.count < count {
            kept.append(option.instanceType)
        }
        options.removeAll { !kept.contains($0.instanceType) }
    }

    /// The launch restricted to the remaining options: cheapest as the choice, the next ones as
    /// fallbacks, instance-type and capacity-type requirements narrowed to match; nil when no option
    /// is left or an instance-type minValues can no longer hold.
    func launch(maxFallbacks: Int) -> NodeLaunch? {
        guard let choice = options.first else { return nil }
        var types: [String] = []
        for option in options where !types.contains(option.instanceType) { types.append(option.instanceType) }
        var capacityTypes: [String] = []
        for option in options where !capacityTypes.contains(option.capacityType.rawValue) {
            capacityTypes.append(option.capacityType.rawValue)
        }
        var narrowed = launch
        narrowed.choice = choice
        narrowed.fallbacks = Array(options.dropFirst().prefix(maxFallbacks))
        for (index, requirement) in narrowed.requirements.enumerated() where requirement.operator == .in {
            if requirement.key == WellKnownLabel.instanceType {
                if let minimum = requirement.minValues, types.count < minimum { return nil }
                narrowed.requirements[index].values = requirement.values.filter(types.contains)
            } else if requirement.key == WellKnownLabel.capacityType {
                narrowed.requirements[index].values = requirement.values.filter(capacityTypes.contains)
            }
        }
        return narrowed
    }

    private static func cheaper(_ lhs: LaunchOption, _ rhs: LaunchOption) -> Bool {
        (lhs.price, lhs.capacityType, lhs.instanceType, lhs.zone) < (rhs.price, rhs.capacityType, rhs.instanceType, rhs.zone)
    }

    /// Whether `requirements` let label `key` take `value` (In, NotIn, Exists, DoesNotExist).
    private static func allows(_ requirements: [NodeSelectorRequirement], _ key: String, _ value: String) -> Bool {
        requirements.allSatisfy { requirement in
            guard requirement.key == key else { return true }
            switch requirement.operator {
            case .in: return requirement.values.contains(value)
            case .notIn: return !requirement.values.contains(value)
            case .doesNotExist: return false
            case .exists, .gt, .lt, .gte, .lte: return true
            }
        }
    }
}
