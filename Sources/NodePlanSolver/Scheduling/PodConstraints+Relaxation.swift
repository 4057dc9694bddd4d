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
