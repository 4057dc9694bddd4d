import NodePlanModel

extension PodSpec {
    /// The DefaultTolerationSeconds admission plugin: pods that do not tolerate the `not-ready` or
    /// `unreachable` NoExecute taints get a 300-second toleration for each, as every live pod shows.
    mutating func addDefaultNotReadyTolerations() {
        for key in ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]
        where !tolerations.contains(where: { $0.key == key && ($0.effect == nil || $0.effect == .noExecute) }) {
            tolerations.append(Toleration(key: key, operator: .exists, effect: .noExecute, tolerationSeconds: 300))
        }
    }
}
