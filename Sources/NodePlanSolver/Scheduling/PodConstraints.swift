import NodePlanModel

/// A pending pod's constraints in their current form: Karpenter relaxes a copy of the pod one
/// preference at a time, and this value is that copy.
struct PodConstraints: Sendable {
    /// Required node-affinity OR-terms, each already ANDed with the nodeSelector; only the first
    /// is in force.
    var requiredTerms: [Requirements]
    /// Preferred node-affinity terms, heaviest first; only the first is in force.
    var preferredNodeTerms: [(weight: Int32, requirements: Requirements)]
    /// Spread constraints with their groups.
    var spread: [(action: UnsatisfiableConstraintAction, group: Int)]
    /// Pod-affinity groups; `weight` is nil for required terms, preferred ones heaviest first.
    var affinity: [(weight: Int32?, group: Int)]
    var antiAffinity: [(weight: Int32?, group: Int)]
    var tolerations: [Toleration]

    /// Node requirements without preferences: what topology treats as the pod's own domains.
    var strictRequirements: Requirements { requiredTerms.first ?? Requirements() }

    /// Node requirements with the heaviest preferred term in force.
    var requirements: Requirements {
        guard let preferred = preferredNodeTerms.first else { return strictRequirements }
        return strictRequirements.adding(preferred.requirements)
    }

    /// Every topology group currently in force.
    var ownedGroups: [Int] { spread.map(\.group) + affinity.map(\.group) + antiAffinity.map(\.group) }

    /// Drops every preference up front (`PreferencePolicy.ignore`).
    mutating func removePreferences() {
        preferredNodeTerms = []
        spread.removeAll { $0.action == .scheduleAnyway }
        affinity.removeAll { $0.weight != nil }
        antiAffinity.removeAll { $0.weight != nil }
    }
}
