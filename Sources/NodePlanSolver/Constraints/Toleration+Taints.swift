import NodePlanModel

extension Toleration {
    /// Kubernetes' `ToleratesTaint`: effect matches (or is unset), and key/value match per operator;
    /// an empty key with `Exists` tolerates every taint.
    func tolerates(_ taint: Taint) -> Bool {
        if let effect, effect != taint.effect { return false }
        if key.isEmpty && `operator` == .exists { return true }
        guard key == taint.key else { return false }
        return `operator` == .exists || value == taint.value
    }

    /// Tolerates every PreferNoSchedule taint: added by the last relaxation step.
    static let preferNoScheduleAll = Toleration(operator: .exists, effect: .preferNoSchedule)
}
