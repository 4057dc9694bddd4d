import NodePlanModel

/// Taint checks as Karpenter's scheduler applies them: every taint, PreferNoSchedule included,
/// must be tolerated (PreferNoSchedule becomes soft only via the last relaxation step).
enum TaintCheck {
    /// The first taint in `taints` that `tolerations` do not tolerate.
    static func firstUntolerated(_ taints: [Taint], by tolerations: [Toleration]) -> Taint? {
        taints.first { taint in !tolerations.contains { $0.tolerates(taint) } }
    }

    /// DaemonSet pods always tolerate PreferNoSchedule taints when sizing a NodePool's overhead.
    static func daemonSetTolerates(_ taints: [Taint], tolerations: [Toleration]) -> Bool {
        firstUntolerated(taints.filter { $0.effect != .preferNoSchedule }, by: tolerations) == nil
    }
}
