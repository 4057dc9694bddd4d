import NodePlanModel

extension TopologyGroup {
    /// kube-scheduler's skew rule as Karpenter applies it: a domain is eligible when
    /// `count + selfMatch − globalMin ≤ maxSkew`; the NodeClaim is pinned to the eligible domain
    /// with the fewest pods (ties: the name that sorts first).
    func nextSpreadDomain(selfSelecting: Bool, podDomains: Requirement, nodeDomains: Requirement) -> Requirement {
        let minimum = globalMinimum()
        var best: (domain: String, count: Int32)?
        for domain in candidateDomains(nodeDomains)
        where isEligible(domain, selfSelecting: selfSelecting, podDomains: podDomains, minimum: minimum) {
            let count = counts[domain]! + (selfSelecting ? 1 : 0)
            if best == nil || count < best!.count { best = (domain, count) }
        }
        guard let best else { return Requirement(key: key, operator: .doesNotExist) }
        return Requirement(key: key, operator: .in, values: [best.domain])
    }

    /// The known domains a pod with `podDomains` may be pinned to now, sorted: a node already in
    /// any other domain is turned away by `nextSpreadDomain`, whatever else it allows.
    func eligibleDomains(selfSelecting: Bool, podDomains: Requirement) -> [String] {
        let minimum = globalMinimum()
        return domains.filter { isEligible($0, selfSelecting: selfSelecting, podDomains: podDomains, minimum: minimum) }
    }

    /// A known `domain` the pod allows where one more pod keeps the skew within `maxSkew`.
    private func isEligible(_ domain: String, selfSelecting: Bool, podDomains: Requirement, minimum: Int32) -> Bool {
        guard let count = counts[domain], podDomains.has(domain) else { return false }
        return count + (selfSelecting ? 1 : 0) - minimum <= definition.maxSkew
    }

    /// The smallest count over the group's domains, all eligible for its node filter; 0 for
    /// hostname (a new node is always possible) and when fewer than `minDomains` domains exist.
    ///
    /// Karpenter takes the minimum over the domains the pod's requirements allow, i.e. after
    /// relaxation only its last node-affinity term's, and with `nodeAffinityPolicy: Ignore` its
    /// nodeSelector too. kube-scheduler counts every domain its filter admits, so such replicas
    /// piled into one zone would be refused at binding.
    func globalMinimum() -> Int32 {
        if key == WellKnownLabel.hostname { return 0 }
        var minimum = Int32.max
        for domain in domains { minimum = min(minimum, counts[domain]!) }
        if let minDomains = definition.minDomains, domains.count < minDomains { return 0 }
        return domains.isEmpty ? 0 : minimum
    }
}
