import NodePlanModel

/// This solve's NodeClaims already pinned to one domain of each topology key other than hostname
/// (a zone, say), as bitmaps per domain: a pod's `Topology.pinnedDomainFilters` turn into one
/// bitmap of NodeClaims to skip, instead of a requirement lookup per NodeClaim visited.
///
/// Requirements only narrow, so a pinned NodeClaim stays pinned to the same domain.
struct PinnedClaims {
    private let keys: [String]
    /// Per key, per domain, the NodeClaims pinned there.
    private var claimsByDomain: [[String: IndexBitmap]]
    /// Per key, the NodeClaims pinned to any domain.
    private var pinned: [IndexBitmap]

    /// Tracks the non-hostname keys of `topology`'s groups.
    init(_ topology: Topology) {
        var keys: [String] = []
        for group in topology.groups + topology.inverseGroups
        where group.key != WellKnownLabel.hostname && !keys.contains(group.key) {
            keys.append(group.key)
        }
        self.keys = keys
        claimsByDomain = Array(repeating: [:], count: keys.count)
        pinned = Array(repeating: IndexBitmap(), count: keys.count)
    }

    /// Notes the domains NodeClaim `index` is pinned to now that it has `requirements`.
    mutating func update(claim index: Int, requirements: Requirements) {
        for (position, key) in keys.enumerated() where !pinned[position].contains(index) {
            guard let domain = requirements[key]?.singleValue else { continue }
            pinned[position].insert(index)
            claimsByDomain[position][domain, default: IndexBitmap()].insert(index)
        }
    }

    /// The NodeClaims pinned, for some filter, to a domain outside the filter's domains.
    func excluded(by filters: [(key: String, domains: [String])]) -> IndexBitmap {
        var result = IndexBitmap()
        for filter in filters {
            guard let position = keys.firstIndex(of: filter.key) else { continue }
            for (domain, claims) in claimsByDomain[position] where !filter.domains.contains(domain) {
                result.formUnion(claims)
            }
        }
        return result
    }
}
