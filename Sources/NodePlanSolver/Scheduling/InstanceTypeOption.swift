import NodePlanModel

/// An instance type as one solve sees it: its requirements (own labels plus the zones and
/// capacity types of its offerings), vectors, and offerings with the labels they imply.
///
/// A final class: every NodeClaim filters hundreds of these per pod, and a shared immutable
/// reference costs one retain where a struct copy would retain each field.
final class InstanceTypeOption: Sendable {
    struct OfferingOption: Sendable {
        /// Label keys every offering defines, in the order of `values`.
        static let keys = [WellKnownLabel.zone, WellKnownLabel.capacityType, WellKnownLabel.aksScaleSetPriority,
                           WellKnownLabel.aksPriority, WellKnownLabel.azurePlacementScope]

        var offering: Offering
        /// The values of `keys` a node launched from this offering gets.
        var values: [String]

        init(_ offering: Offering) {
            self.offering = offering
            let priority = offering.capacityType == .spot ? "spot" : "regular"
            values = [offering.zone, offering.capacityType.rawValue, priority, priority,
                      offering.zone == "0" ? "regional" : "zonal"]
        }
    }

    /// The requirements that concern offerings, looked up once per check rather than per offering.
    struct OfferingFilter: Hashable {
        private let requirements: [Requirement?]

        init(_ requirements: Requirements) { self.requirements = OfferingOption.keys.map { requirements[$0] } }

        /// Whether a NodeClaim with these requirements could be launched from `offering`.
        func admits(_ offering: OfferingOption) -> Bool {
            for (index, requirement) in requirements.enumerated() {
                if let requirement, !requirement.has(offering.values[index]) { return false }
            }
            return true
        }
    }

    let instanceType: InstanceType
    let requirements: Requirements
    let capacity: ResourceVector
    let allocatable: ResourceVector
    /// Sorted by `OfferingRanking` (best first).
    let offerings: [OfferingOption]

    init(_ instanceType: InstanceType, resources: ResourceIndex) {
        self.instanceType = instanceType
        // Best first, so an option's best admitted offering is simply its first admitted one.
        offerings = instanceType.offerings.map(OfferingOption.init).sorted {
            OfferingRanking.precedes(LaunchOption(instanceType: "", zone: $0.offering.zone,
                                                  capacityType: $0.offering.capacityType, price: $0.offering.price),
                                     LaunchOption(instanceType: "", zone: $1.offering.zone,
                                                  capacityType: $1.offering.capacityType, price: $1.offering.price))
        }
        var requirements = Requirements(instanceType.requirements)
        if !requirements.has(WellKnownLabel.instanceType) {
            requirements.add(Requirement(key: WellKnownLabel.instanceType, operator: .in, values: [instanceType.name]))
        }
        var offeringValues: [String: Set<String>] = [:]
        for offering in offerings {
            for (key, value) in zip(OfferingOption.keys, offering.values) { offeringValues[key, default: []].insert(value) }
        }
        for (key, values) in offeringValues where !requirements.has(key) {
            requirements.add(Requirement(key: key, operator: .in, values: Array(values)))
        }
        self.requirements = requirements
        capacity = resources.vector(instanceType.capacity)
        allocatable = resources.vector(instanceType.allocatable)
    }

    var name: String { instanceType.name }

    /// Whether some available offering passes `filter`.
    func hasAvailableOffering(_ filter: OfferingFilter) -> Bool {
        offerings.contains { $0.offering.available && filter.admits($0) }
    }
}
