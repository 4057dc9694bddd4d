import NodePlanModel

extension TopologyGroup {
    /// Pod affinity: only domains (this node could be in) that already hold a matching pod. A
    /// pod that matches its own selector bootstraps a domain when no pod it could join exists
    /// anywhere yet: the first known domain this node allows, else the first the pod allows
    /// (which then fails on this node, as in Karpenter).
    func affinityDomains(selfSelecting: Bool, podDomains: Requirement, nodeDomains: Requirement) -> Requirement {
        let reachable = candidateDomains(nodeDomains).filter { counts[$0]! > 0 && podDomains.has($0) }
        if !reachable.isEmpty { return Requirement(key: key, operator: .in, values: reachable) }
        let joinable = domains.contains { counts[$0]! > 0 && podDomains.has($0) }
        guard selfSelecting, !joinable else { return Requirement(key: key, operator: .doesNotExist) }
        guard let first = domains.first(where: { podDomains.has($0) && nodeDomains.has($0) })
            ?? domains.first(where: podDomains.has) else { return Requirement(key: key, operator: .doesNotExist) }
        return Requirement(key: key, operator: .in, values: [first])
    }

    /// Pod anti-affinity: only domains without a matching pod (where this NodeClaim could be).
    func antiAffinityDomains(podDomains: Requirement, nodeDomains: Requirement) -> Requirement {
        let empty = candidateDomains(nodeDomains).filter { counts[$0]! == 0 && podDomains.has($0) }
        return Requirement(key: key, operator: .in, values: empty)
    }
}
