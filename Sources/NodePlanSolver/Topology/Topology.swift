import NodePlanModel

/// All topology groups of one solve (Karpenter's `Topology`): spread constraints, pod affinity and
/// anti-affinity terms of the pods being scheduled, and the inverse anti-affinity of pods that
/// repel others.
struct Topology: Sendable {
    private(set) var groups: [TopologyGroup] = []
    private(set) var inverseGroups: [TopologyGroup] = []
    private var groupIndex: [TopologyGroupDefinition: Int] = [:]
    private var inverseIndex: [TopologyGroupDefinition: Int] = [:]
    private(set) var universe: DomainUniverse
    private let census: TopologyCensus
    private struct EligibilityKey: Hashable {
        var key: String
        var filter: TopologyNodeFilter
    }
    private var eligibleDomainsCache: [EligibilityKey: [String]] = [:]

    init(universe: DomainUniverse, census: TopologyCensus) {
        self.universe = universe
        self.census = census
    }

    /// The group for `definition`, created on first use with the universe's domains and the
    /// counts of already-running pods.
    mutating func group(for definition: TopologyGroupDefinition) -> Int {
        if let index = groupIndex[definition] { return index }
        var group = TopologyGroup(definition: definition)
        // A spread constraint's domains are those of the nodes it counts (kube-scheduler's
        // eligible domains), so its global minimum never looks at a domain the pod's node
        // affinity (every term of it) or untolerated taints keep it out of.
        let domains = definition.kind == .spread
            ? eligibleDomains(of: definition.key, passing: definition.nodeFilter) : universe.domains(of: definition.key)
        for domain in domains { group.register(domain) }
        for pod in census.pods where definition.selects(namespace: pod.namespace, labels: pod.labels) {
            let node = census.nodes[pod.node]
            if definition.kind == .spread,
               !definition.nodeFilter.matches(node.requirements, taints: node.taints, allowUndefined: { _ in false }) {
                continue
            }
            if definition.kind == .antiAffinity {
                for domain in possibleDomains(of: node, key: definition.key) { group.record(domain) }
            } else if let domain = node.labels[definition.key] {
                group.record(domain)
            }
        }
        groups.append(group)
        groupIndex[definition] = groups.count - 1
        return groups.count - 1
    }

    /// The domains a running pod's node may be in: its label, or, for an in-flight NodeClaim that
    /// lacks the label, every known domain (its zone is undecided, so anti-affinity must assume
    /// the worst: Karpenter's "Schrödinger" rule).
    func possibleDomains(of node: TopologyCensus.CensusNode, key: String) -> [String] {
        if let domain = node.labels[key] { return [domain] }
        return node.registered ? [] : universe.domains(of: key)
    }

    /// The universe's domains of `key` with a node `filter` admits, shared by the many spread
    /// groups that differ only in their selectors.
    private mutating func eligibleDomains(of key: String, passing filter: TopologyNodeFilter) -> [String] {
        if filter == .everything { return universe.domains(of: key) }
        let cacheKey = EligibilityKey(key: key, filter: filter)
        if let cached = eligibleDomainsCache[cacheKey] { return cached }
        let domains = universe.domains(of: key, passing: filter)
        eligibleDomainsCache[cacheKey] = domains
        return domains
    }

    /// The inverse anti-affinity group for `definition` (owned by the pods whose term it is).
    mutating func inverseGroup(for definition: TopologyGroupDefinition) -> Int {
        if let index = inverseIndex[definition] { return index }
        var group = TopologyGroup(definition: definition)
        for domain in universe.domains(of: definition.key) { group.register(domain) }
        inverseGroups.append(group)
        inverseIndex[definition] = inverseGroups.count - 1
        return inverseGroups.count - 1
    }

    /// Records an already-running owner of inverse group `index` in `domain`.
    mutating func recordInverse(_ index: Int, domain: String) { inverseGroups[index].record(domain) }

    /// Groups (and inverse groups) whose selectors pick a pod in `namespace` with `labels`.
    func selecting(namespace: String, labels: [String: String]) -> (groups: [Int], inverse: [Int]) {
        (groups.indices.filter { groups[$0].definition.selects(namespace: namespace, labels: labels) },
         inverseGroups.indices.filter { inverseGroups[$0].definition.selects(namespace: namespace, labels: labels) })
    }

    /// Makes a new NodeClaim's placeholder hostname a known, empty domain everywhere (once: the
    /// same placeholder is offered to every NodePool in turn).
    mutating func registerHostname(_ hostname: String) {
        guard !universe.contains(hostname, of: WellKnownLabel.hostname) else { return }
        universe.add(Requirements([.in(WellKnownLabel.hostname, hostname)]), taints: [])
        for index in groups.indices where groups[index].key == WellKnownLabel.hostname { groups[index].register(hostname) }
        for index in inverseGroups.indices where inverseGroups[index].key == WellKnownLabel.hostname {
            inverseGroups[index].register(hostname)
        }
    }

    /// A hostname spread or anti-affinity constraint (the pod's own, or another pod's inverse
    /// anti-affinity) that rules out the node called `hostname`, found with one count lookup per
    /// group: the same verdict `requirements(for:…)` reaches, without building requirements, for
    /// the many nodes a pod that needs a node of its own is turned away from.
    func hostnameRejection(for pod: TopologyPod, hostname: String) -> TopologyFailure? {
        // Read through buffer pointers: indexing the arrays would copy each group it checks.
        let own: TopologyFailure? = groups.withUnsafeBufferPointer { groups in
            for index in pod.ownedGroups where groups[index].key == WellKnownLabel.hostname {
                let count = groups[index].count(of: hostname) ?? 0
                switch groups[index].definition.kind {
                case .antiAffinity where count > 0:
                    return TopologyFailure(definition: groups[index].definition, inverse: false)
                case .spread:
                    let selects = groups[index].definition.selects(namespace: pod.namespace, labels: pod.labels)
                    if count + (selects ? 1 : 0) > groups[index].definition.maxSkew {
                        return TopologyFailure(definition: groups[index].definition, inverse: false)
                    }
                default: continue
                }
            }
            return nil
        }
        if let own { return own }
        return inverseGroups.withUnsafeBufferPointer { groups in
            for index in pod.repellingInverseGroups where groups[index].key == WellKnownLabel.hostname {
                if groups[index].count(of: hostname) ?? 0 > 0 {
                    return TopologyFailure(definition: groups[index].definition, inverse: true)
                }
            }
            return nil
        }
    }

    /// For each of `pod`'s own topology groups on a key other than hostname, and each inverse
    /// anti-affinity group that repels it, the domains a node or NodeClaim already pinned to one
    /// domain of that key must be in to take the pod (what `requirements(for:…)` would leave it):
    /// computed once per attempt, it turns away the many NodeClaims of other zones without
    /// building their topology requirements.
    func pinnedDomainFilters(for pod: TopologyPod, podRequirements: Requirements)
        -> [(key: String, domains: [String])] {
        var filters: [(key: String, domains: [String])] = []
        for index in pod.ownedGroups {
            let group = groups[index]
            guard group.key != WellKnownLabel.hostname else { continue }
            let selfSelecting = group.definition.selects(namespace: pod.namespace, labels: pod.labels)
            filters.append((group.key, group.pinnedDomains(selfSelecting: selfSelecting,
                                                           podDomains: podRequirements.get(group.key))))
        }
        for index in pod.repellingInverseGroups where inverseGroups[index].key != WellKnownLabel.hostname {
            let group = inverseGroups[index]
            filters.append((group.key, group.pinnedDomains(selfSelecting: false,
                                                           podDomains: podRequirements.get(group.key))))
        }
        return filters
    }

    /// The domain requirements `pod` adds on a node or NodeClaim with `nodeRequirements` (further
    /// narrowed by `narrowedBy`, the pod's own requirements on a NodeClaim, so callers need not
    /// build the intersection for a candidate that topology turns away), Karpenter's
    /// `AddRequirements`; or the constraint that leaves no domain.
    func requirements(for pod: TopologyPod, podRequirements: Requirements, nodeRequirements: Requirements,
                      narrowedBy narrowing: Requirements? = nil) -> Result<Requirements, TopologyFailure> {
        var result = Requirements()
        func nodeDomains(_ key: String) -> Requirement {
            let domains = nodeRequirements.get(key)
            guard let narrowing = narrowing?[key] else { return domains }
            return domains.intersection(narrowing)
        }
        func constrain(_ group: borrowing TopologyGroup, inverse: Bool) -> TopologyFailure? {
            let selfSelecting = group.definition.selects(namespace: pod.namespace, labels: pod.labels)
            let domains = group.allowedDomains(selfSelecting: selfSelecting,
                                               podDomains: podRequirements.get(group.key),
                                               nodeDomains: nodeDomains(group.key))
            guard !domains.isEmpty else { return TopologyFailure(definition: group.definition, inverse: inverse) }
            result.add(domains)
            return nil
        }
        let own: TopologyFailure? = groups.withUnsafeBufferPointer { groups in
            pod.ownedGroups.lazy.compactMap { constrain(groups[$0], inverse: false) }.first
        }
        if let own { return .failure(own) }
        let inverse: TopologyFailure? = inverseGroups.withUnsafeBufferPointer { groups in
            pod.repellingInverseGroups.lazy.compactMap { constrain(groups[$0], inverse: true) }.first
        }
        if let inverse { return .failure(inverse) }
        return .success(result)
    }

    /// Counts `pod`, now committed to a node or NodeClaim with `requirements` and `taints`
    /// (Karpenter's `Record`): spread and affinity groups only when the domain is decided,
    /// anti-affinity groups in every domain the node could still be in.
    mutating func record(_ pod: TopologyPod, taints: [Taint], requirements: Requirements,
                         allowUndefined: (String) -> Bool) {
        for index in pod.countingGroups {
            let definition = groups[index].definition
            guard definition.nodeFilter.matches(requirements, taints: taints, allowUndefined: allowUndefined) else {
                continue
            }
            let domains = requirements.get(definition.key)
            if definition.kind == .antiAffinity {
                for domain in domains.sortedValues { groups[index].record(domain) }
            } else if let domain = domains.singleValue {
                groups[index].record(domain)
            }
        }
        for index in pod.ownedInverseGroups {
            for domain in requirements.get(inverseGroups[index].key).sortedValues { inverseGroups[index].record(domain) }
        }
    }

    /// Stops counting a running pod the census counted on census node `node`, as if it had never
    /// run there (consolidation simulations move it): the inverse of what group creation and
    /// `recordInverse` counted for it. `pod` carries the groups that count it and, for its
    /// required anti-affinity terms, the inverse groups it owns.
    mutating func forgetRunning(_ pod: TopologyPod, onNode node: Int) {
        let censusNode = census.nodes[node]
        for index in pod.countingGroups {
            let definition = groups[index].definition
            if definition.kind == .spread,
               !definition.nodeFilter.matches(censusNode.requirements, taints: censusNode.taints,
                                              allowUndefined: { _ in false }) {
                continue
            }
            if definition.kind == .antiAffinity {
                for domain in possibleDomains(of: censusNode, key: definition.key) { groups[index].forget(domain) }
            } else if let domain = censusNode.labels[definition.key] {
                groups[index].forget(domain)
            }
        }
        for index in pod.ownedInverseGroups {
            for domain in possibleDomains(of: censusNode, key: inverseGroups[index].key) {
                inverseGroups[index].forget(domain)
            }
        }
    }
}
