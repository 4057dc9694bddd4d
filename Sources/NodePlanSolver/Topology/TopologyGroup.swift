import NodePlanModel

/// Pod counts per domain of one topology key, for one spread constraint or (anti-)affinity term.
struct TopologyGroup: Sendable {
    let definition: TopologyGroupDefinition
    /// Count per known domain (zero-count domains are part of the universe).
    private(set) var counts: [String: Int32] = [:]
    /// Known domains, sorted, for deterministic choices.
    private(set) var domains: [String] = []

    init(definition: TopologyGroupDefinition) { self.definition = definition }

    var key: String { definition.key }

    func count(of domain: String) -> Int32? { counts[domain] }

    /// Makes `domain` known with a zero count.
    mutating func register(_ domain: String) {
        guard counts[domain] == nil else { return }
        counts[domain] = 0
        var low = 0
        var high = domains.count
        while low < high {
            let middle = (low + high) / 2
            if domains[middle] < domain { low = middle + 1 } else { high = middle }
        }
        domains.insert(domain, at: low)
    }

    /// One more counted pod in `domain`.
    mutating func record(_ domain: String) {
        register(domain)
        counts[domain]! += 1
    }

    /// One counted pod fewer in `domain` (it no longer runs there).
    mutating func forget(_ domain: String) {
        guard let count = counts[domain], count > 0 else { return }
        counts[domain] = count - 1
    }

    /// The domains a NodeClaim or node with `nodeDomains` may be in, sorted: its listed values
    /// when finite, otherwise every known domain it allows.
    func candidateDomains(_ nodeDomains: Requirement) -> [String] {
        if let single = nodeDomains.singleValue { return counts[single] != nil ? [single] : [] }
        if !nodeDomains.complement { return nodeDomains.sortedValues.filter { counts[$0] != nil } }
        return domains.filter(nodeDomains.has)
    }

    /// The known domains a node or NodeClaim pinned to one of them may be in to take a pod with
    /// `podDomains`, sorted: `allowedDomains` for such a node leaves its own domain exactly when
    /// it is one of these.
    func pinnedDomains(selfSelecting: Bool, podDomains: Requirement) -> [String] {
        switch definition.kind {
        case .spread: eligibleDomains(selfSelecting: selfSelecting, podDomains: podDomains)
        case .affinity: affinityPinnedDomains(selfSelecting: selfSelecting, podDomains: podDomains)
        case .antiAffinity: domains.filter { counts[$0]! == 0 && podDomains.has($0) }
        }
    }

    /// Where a pod with `podDomains` (its own requirement on the key) may go on a node with
    /// `nodeDomains`: a requirement on the key, empty when nowhere.
    func allowedDomains(selfSelecting: Bool, podDomains: Requirement, nodeDomains: Requirement) -> Requirement {
        switch definition.kind {
        case .spread: nextSpreadDomain(selfSelecting: selfSelecting, podDomains: podDomains, nodeDomains: nodeDomains)
        case .affinity: affinityDomains(selfSelecting: selfSelecting, podDomains: podDomains, nodeDomains: nodeDomains)
        case .antiAffinity: antiAffinityDomains(podDomains: podDomains, nodeDomains: nodeDomains)
        }
    }
}
