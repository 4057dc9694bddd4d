import NodePlanModel

/// Which nodes a topology spread constraint counts: with `nodeAffinityPolicy: Honor`, those
/// matching the pod's nodeSelector and one of its required node-affinity terms; with
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

    /// Whether a domain whose nodes carry one of `taintSets` takes part (affinity terms are
    /// honoured through the pod's own requirement on the key).
    func admitsDomain(withTaintSets taintSets: Set<[Taint]>) -> Bool {
        guard let tolerations else { return true }
        return taintSets.contains { Self.tolerated($0, by: tolerations) }
    }

    /// NoSchedule and NoExecute taints decide; PreferNoSchedule never excludes a node.
    private static func tolerated(_ taints: [Taint], by tolerations: [Toleration]) -> Bool {
        TaintCheck.firstUntolerated(taints.filter { $0.effect != .preferNoSchedule }, by: tolerations) == nil
    }
}
