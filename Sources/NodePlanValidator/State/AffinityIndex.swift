import NodePlanModel

/// Required pod (anti-)affinity terms of every pod shape, resolved once, with memoised answers to
/// "which shapes does this term select" and "how many selected pods are in this domain", so
/// checking many replicas costs little more than checking one.
struct AffinityIndex {
    struct TermID: Hashable {
        var owner: Int32
        var anti: Bool
        var position: Int
    }

    private struct DomainKey: Hashable {
        var term: TermID
        var domain: String
    }

    /// Per pod spec: its resolved required affinity and anti-affinity terms.
    let terms: [(affinity: [ResolvedAffinityTerm], antiAffinity: [ResolvedAffinityTerm])]
    private let cluster: FinalCluster
    private var selection: [TermID: [Bool]] = [:]
    private var domainCounts: [DomainKey: Int] = [:]
    private var totals: [TermID: Int] = [:]
    private var totalsBeforePlan: [TermID: Int] = [:]

    init(_ cluster: FinalCluster) {
        self.cluster = cluster
        let namespaceLabels = Dictionary(cluster.snapshot.namespaces.map { ($0.name, $0.labels) },
                                         uniquingKeysWith: { first, _ in first })
        terms = cluster.snapshot.podSpecs.map { spec in
            (affinity: (spec.affinity.podAffinity?.required ?? []).map {
                ResolvedAffinityTerm($0, owner: spec, namespaceLabels: namespaceLabels)
            }, antiAffinity: (spec.affinity.podAntiAffinity?.required ?? []).map {
                ResolvedAffinityTerm($0, owner: spec, namespaceLabels: namespaceLabels)
            })
        }
    }

    func term(_ id: TermID) -> ResolvedAffinityTerm {
        id.anti ? terms[Int(id.owner)].antiAffinity[id.position] : terms[Int(id.owner)].affinity[id.position]
    }

    /// Whether term `id` selects pods of shape `spec`.
    mutating func selects(_ id: TermID, _ spec: Int32) -> Bool { selectionMask(id)[Int(spec)] }

    /// Counted pods the term selects in `domain` of its topology key.
    mutating func selected(by id: TermID, in domain: String, census: inout PodCensus) -> Int {
        let key = DomainKey(term: id, domain: domain)
        if let cached = domainCounts[key] { return cached }
        let mask = selectionMask(id)
        let inDomain = census.domains(of: term(id).topologyKey, in: cluster)[domain] ?? [:]
        let count = inDomain.reduce(0) { $0 + (mask[Int($1.key)] ? $1.value : 0) }
        domainCounts[key] = count
        return count
    }

    /// Counted pods the term selects anywhere in the cluster.
    mutating func selectedAnywhere(by id: TermID, census: PodCensus) -> Int {
        if let cached = totals[id] { return cached }
        let mask = selectionMask(id)
        let count = census.total.reduce(0) { $0 + (mask[Int($1.key)] ? $1.value : 0) }
        totals[id] = count
        return count
    }

    /// Counted pods the term selects that were running before the plan.
    mutating func selectedBeforePlan(by id: TermID, census: PodCensus) -> Int {
        if let cached = totalsBeforePlan[id] { return cached }
        let mask = selectionMask(id)
        var count = 0
        for tallies in census.perNode {
            for (spec, tally) in tallies where mask[Int(spec)] { count += tally.existing }
        }
        totalsBeforePlan[id] = count
        return count
    }

    private mutating func selectionMask(_ id: TermID) -> [Bool] {
        if let cached = selection[id] { return cached }
        let resolved = term(id)
        let mask = cluster.snapshot.podSpecs.map(resolved.selects)
        selection[id] = mask
        return mask
    }
}
