import NodePlanModel

/// An instance type as one solve sees it: its requirements (own labels plus the zones and
/// capacity types of its offerings), vectors, and offerings with the labels they imply.
struct InstanceTypeOption: Sendable {
    struct OfferingOption: Sendable {
        var offering: Offering
        /// (key, value) labels a node launched from this offering gets.
        var labels: [(key: String, value: String)]

        init(_ offering: Offering) {
            self.offering = offering
            let priority = offering.capacityType == .spot ? "spot" : "regular"
            labels = [
                (WellKnownLabel.zone, offering.zone),
                (WellKnownLabel.capacityType, offering.capacityType.rawValue),
                (WellKnownLabel.aksScaleSetPriority, priority),
                (WellKnownLabel.aksPriority, priority),
                (WellKnownLabel.azurePlacementScope, offering.zone == "0" ? "regional" : "zonal"),
            ]
        }

        /// Whether a NodeClaim with `requirements` could be launched from this offering.
        func isCompatible(with requirements: Requirements) -> Bool {
            labels.allSatisfy { requirements[$0.key]?.has($0.value) ?? true }
        }
    }

    var instanceType: InstanceType
    var requirements: Requirements
    var capacity: ResourceVector
    var allocatable: ResourceVector
    var offerings: [OfferingOption]

    init(_ instanceType: InstanceType, resources: ResourceIndex) {
        self.instanceType = instanceType
        offerings = instanceType.offerings.map(OfferingOption.init)
        var requirements = Requirements(instanceType.requirements)
        if !requirements.has(WellKnownLabel.instanceType) {
            requirements.add(Requirement(key: WellKnownLabel.instanceType, operator: .in, values: [instanceType.name]))
        }
        var offeringValues: [String: Set<String>] = [:]
        for offering in offerings { for label in offering.labels { offeringValues[label.key, default: []].insert(label.value) } }
        for (key, values) in offeringValues where !requirements.has(key) {
            requirements.add(Requirement(key: key, operator: .in, values: Array(values)))
        }
        self.requirements = requirements
        capacity = resources.vector(instanceType.capacity)
        allocatable = resources.vector(instanceType.allocatable)
    }

    var name: String { instanceType.name }

    /// Whether some available offering suits `requirements`.
    func hasAvailableOffering(compatibleWith requirements: Requirements) -> Bool {
        offerings.contains { $0.offering.available && $0.isCompatible(with: requirements) }
    }
}
