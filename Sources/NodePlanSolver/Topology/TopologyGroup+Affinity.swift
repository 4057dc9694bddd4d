import NodePlanModel

extension TopologyGroup {
    /// Pod affinity: only domains (this node could be in) that already hold a matching pod. A
    /// pod that matches its own selector bootstraps a domain when no matching pod exists in any
    /// domain yet: the first known domain this node allows, else the first the pod allows (which
    /// then fails on this node, as in Karpenter).
    ///
    /// Karpenter also bootstraps when matching pods exist only in domains the pod's own
    /// requirements exclude (after relaxing a node-affinity term, say). kube-scheduler lets a pod
    /// start a domain only while no pod in the cluster matches the term, so it would never bind
    /// such a pod next to its peers' second domain: that pod waits instead.
    func affinityDomains(selfSelecting: Bool, podDomains: Requirement, nodeDomains: Requirement) -> Requirement {
        let reachable = candidateDomains(nodeDomains).filter { counts[$0]! > 0 && podDomains.has($0) }
        if !reachable.isEmpty { return Requirement(key: key, operator: .in, values: reachable) }
        let matchesExist = domains.contains { counts[$0]! > 0 }
        guard selfSelecting, !matchesExist else { return Requirement(key: key, operator: .doesNotExist) }
        guard let first = domains.first(where: { podDomains.has($0) && nodeDomains.has($0) })
            ?? domains.first(where: podDomains.has) else { return Requirement(key: key, operator: .doesNotExist) }
        return Requirement(key: key, operator: .in, values: [first])
    }

    /// `affinityDomains` for a node pinned to one domain: those with a matching pod the pod
    /// allows, or, while no matching pod exists anywhere, every domain a self-selecting pod
    /// allows (it bootstraps the node's own).
    func affinityPinnedDomains(selfSelecting: Bool, podDomains: Requirement) -> [String] {
        let reachable = domains.filter { counts[$0]! > 0 && podDomains.has($0) }
        if !reachable.isEmpty { return reachable }
        let matchesExist = domains.contains { counts[$0]! > 0 }
        return selfSelecting && !matchesExist ? domains.filter(podDomains.has) : []
    }

    /// Pod anti-affinity: only domains without a matching pod (where this NodeClaim could be).
    func antiAffinityDomains(podDomains: Requirement, nodeDomains: Requirement) -> Requirement {
        let empty = candidateDomains(nodeDomains).filter { counts[$0]! == 0 && podDomains.has($0) }
        return Requirement(key: key, operator: .in, values: empty)
    }
}
