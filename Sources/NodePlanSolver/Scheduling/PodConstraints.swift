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

/// One step of Karpenter's relaxation, in its order.
enum RelaxationStep: String, Sendable {
    case requiredNodeAffinityTerm = "required node-affinity term"
    case preferredPodAffinity = "preferred pod affinity"
    case preferredPodAntiAffinity = "preferred pod anti-affinity"
    case preferredNodeAffinity = "preferred node affinity"
    case scheduleAnywaySpread = "ScheduleAnyway topology spread"
    case preferNoScheduleToleration = "PreferNoSchedule taints"
}

extension PodConstraints {
    /// Relaxes one preference (Karpenter's `Preferences.Relax`): drop the first required term
    /// (never the last), then the heaviest preferred pod affinity, pod anti-affinity and node
    /// affinity, then one ScheduleAnyway spread constraint, then tolerate PreferNoSchedule
    /// (only when some NodePool has such a taint). Nil when nothing is left to relax.
    mutating func relax(preferNoScheduleTaintsExist: Bool) -> RelaxationStep? {
        if requiredTerms.count > 1 {
            requiredTerms.removeFirst()
            return .requiredNodeAffinityTerm
        }
        if let index = affinity.firstIndex(where: { $0.weight != nil }) {
            affinity.remove(at: index)
            return .preferredPodAffinity
        }
        if let index = antiAffinity.firstIndex(where: { $0.weight != nil }) {
            antiAffinity.remove(at: index)
            return .preferredPodAntiAffinity
        }
        if !preferredNodeTerms.isEmpty {
            preferredNodeTerms.removeFirst()
            return .preferredNodeAffinity
        }
        if let index = spread.firstIndex(where: { $0.action == .scheduleAnyway }) {
            spread.remove(at: index)
            return .scheduleAnywaySpread
        }
        if preferNoScheduleTaintsExist, !tolerations.contains(.preferNoScheduleAll) {
            tolerations.append(.preferNoScheduleAll)
            return .preferNoScheduleToleration
        }
        return nil
    }
}
