import NodePlanModel

extension TopologyGroup {
    /// kube-scheduler's skew rule as Karpenter applies it: a domain is eligible when
    /// `count + selfMatch − globalMin ≤ maxSkew`; the NodeClaim is pinned to the eligible domain
    /// with the fewest pods (ties: the name that sorts first).
    func nextSpreadDomain(selfSelecting: Bool, podDomains: Requirement, nodeDomains: Requirement) -> Requirement {
        let minimum = globalMinimum(podDomains: podDomains)
        var best: (domain: String, count: Int32)?
        for domain in candidateDomains(nodeDomains) where podDomains.has(domain) {
            let count = counts[domain]! + (selfSelecting ? 1 : 0)
            guard count - minimum <= definition.maxSkew else { continue }
            if best == nil || count < best!.count { best = (domain, count) }
        }
        guard let best else { return Requirement(key: key, operator: .doesNotExist) }
        return Requirement(key: key, operator: .in, values: [best.domain])
    }

    /// The smallest count over the domains the pod may use; 0 for hostname (a new node is always
    /// possible) and when fewer than `minDomains` domains are eligible.
    func globalMinimum(podDomains: Requirement) -> Int32 {
        if key == WellKnownLabel.hostname { return 0 }
        var minimum = Int32.max
        var eligible: Int32 = 0
        for domain in domains where podDomains.has(domain) {
            eligible += 1
            minimum = min(minimum, counts[domain]!)
        }
        if let minDomains = definition.minDomains, eligible < minDomains { return 0 }
        return eligible == 0 ? 0 : minimum
    }
}
