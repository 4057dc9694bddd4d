import NodePlanModel

/// Which nodes a topology spread constraint counts: with `nodeAffinityPolicy: Honor`, those
/// matching the pod's nodeSelector and one of its required node-affinity terms (all of them, as
/// kube-scheduler reads the pod, whichever term relaxation has left in force); with
/// `nodeTaintsPolicy: Honor`, those whose taints the pod tolerates.
struct TopologyNodeFilter: Hashable, Sendable {
    /// OR-terms; empty means every node.
    var terms: [Requirements] = []
    /// Nil when taints are ignored.
    var tolerations: [Toleration]?

    static let everything = TopologyNodeFilter()

    /// Whether a node or NodeClaim with `requirements` and `taints` takes part.
    func matches(_ requirements: Requirements, taints: [Taint], allowUndefined: (String) -> Bool) -> Bool {
        if let tolerations, !Self.tolerated(taints, by: tolerations) { return false }
        guard !terms.isEmpty else { return true }
        return terms.contains { requirements.conflict(with: $0, allowUndefined: allowUndefined) == nil }
    }

    /// Whether a node that could exist with `requirements` and `taints` takes part once it is in
    /// `domain` of `key` (undefined well-known keys allowed: an instance type or offering may
    /// still supply them).
    func matches(_ requirements: Requirements, taints: [Taint], in domain: String, of key: String) -> Bool {
        if let tolerations, !Self.tolerated(taints, by: tolerations) { return false }
        guard !terms.isEmpty else { return true }
        return terms.contains { term in
            (term[key]?.has(domain) ?? true)
                && requirements.conflict(with: term, allowUndefined: LabelKeys.isWellKnown) == nil
        }
    }

    /// NoSchedule and NoExecute taints decide; PreferNoSchedule never excludes a node.
    private static func tolerated(_ taints: [Taint], by tolerations: [Toleration]) -> Bool {
        TaintCheck.firstUntolerated(taints.filter { $0.effect != .preferNoSchedule }, by: tolerations) == nil
    }
}
