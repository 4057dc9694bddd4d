import NodePlanModel

extension TopologyGroup {
    /// Pod affinity: only domains that already hold a matching pod. A pod that matches its own
    /// selector may bootstrap the first domain when none of those is reachable.
    func affinityDomains(selfSelecting: Bool, podDomains: Requirement, nodeDomains: Requirement) -> Requirement {
        let occupied = domains.filter { counts[$0]! > 0 && podDomains.has($0) }
        if !occupied.contains(where: nodeDomains.has), selfSelecting {
            let listed = nodeDomains.complement ? [] : nodeDomains.sortedValues
            if let first = listed.first(where: podDomains.has)
                ?? domains.first(where: { podDomains.has($0) && nodeDomains.has($0) }) {
                return Requirement(key: key, operator: .in, values: occupied + [first])
            }
        }
        return Requirement(key: key, operator: .in, values: occupied)
    }

    /// Pod anti-affinity: only domains without a matching pod (where this NodeClaim could be).
    func antiAffinityDomains(podDomains: Requirement, nodeDomains: Requirement) -> Requirement {
        let empty = candidateDomains(nodeDomains).filter { counts[$0]! == 0 && podDomains.has($0) }
        return Requirement(key: key, operator: .in, values: empty)
    }
}
