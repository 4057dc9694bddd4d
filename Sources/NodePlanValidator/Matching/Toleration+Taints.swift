import NodePlanModel

extension Toleration {
    /// Kubernetes' `ToleratesTaint`: effect (when set) and key (when set) must match; `Exists`
    /// ignores the value, `Equal` compares it.
    func tolerates(_ taint: Taint) -> Bool {
        if let effect, effect != taint.effect { return false }
        if !key.isEmpty, key != taint.key { return false }
        switch self.operator {
        case .exists: return true
        case .equal: return value == taint.value
        }
    }
}

extension Taint {
    /// NoSchedule and NoExecute keep pods off a node; PreferNoSchedule is only a preference.
    var isHard: Bool { effect != .preferNoSchedule }

    var readable: String { value.isEmpty ? "\(key):\(effect.rawValue)" : "\(key)=\(value):\(effect.rawValue)" }
}

extension Array where Element == Toleration {
    /// The first hard taint these tolerations leave untolerated.
    func firstUntolerated(_ taints: [Taint]) -> Taint? {
        taints.first { taint in taint.isHard && !contains { $0.tolerates(taint) } }
    }
}
