import NodePlanModel

/// Where self-affine pods the plan places could have started.
///
/// A pod whose required affinity term selects itself may land in a domain without a match only
/// as the very first matching pod in the cluster. So among the domains where the plan places
/// such pods ("carriers" of a term), at most one may hold nothing but carriers, and only when no
/// matching pod ran before the plan; every other domain needs a seed: a pod that ran before or a
/// placed pod without the term, which could have been placed first.
struct AffinityBootstrap {
    /// Per term content and domain: placed pods that carry the term and are selected by it.
    private var carriers: [ResolvedAffinityTerm.Content: [String: Int]] = [:]
    /// One term id per content, to query the index.
    private var representative: [ResolvedAffinityTerm.Content: AffinityIndex.TermID] = [:]
    private var unseeded: [ResolvedAffinityTerm.Content: [String]] = [:]

    init(_ cluster: FinalCluster, index: inout AffinityIndex) {
        for node in cluster.nodes {
            for pod in node.newPods where !cluster.snapshot.pods[Int(pod)].isTerminating {
                let spec = cluster.snapshot.pods[Int(pod)].spec
                for (position, term) in index.terms[Int(spec)].affinity.enumerated() {
                    let id = AffinityIndex.TermID(owner: spec, anti: false, position: position)
                    guard index.selects(id, spec), let domain = node.domain(term.topologyKey) else { continue }
                    carriers[term.content, default: [:]][domain, default: 0] += 1
                    if representative[term.content] == nil { representative[term.content] = id }
                }
            }
        }
    }

    /// Nil when a carrier of `term` may sit in `domain`; otherwise why not.
    mutating func problem(_ term: ResolvedAffinityTerm, in domain: String, index: inout AffinityIndex,
                          census: inout PodCensus) -> String? {
        let content = term.content
        guard let id = representative[content] else { return nil }
        let unseeded = unseededDomains(content, id: id, index: &index, census: &census)
        guard unseeded.contains(domain) else { return nil }
        if unseeded.count > 1 {
            return "pods matching \(term.readable) arrive in \(unseeded.count) domains with no match to join "
                + "(\(unseeded.joined(separator: ", "))); only the first pod of the cluster may start a domain"
        }
        let before = index.selectedBeforePlan(by: id, census: census)
        if before > 0 {
            return "\(term.topologyKey)=\(domain) has no pod matching \(term.readable) to join, "
                + "yet \(before) such pod(s) already run elsewhere"
        }
        return nil
    }

    private mutating func unseededDomains(_ content: ResolvedAffinityTerm.Content, id: AffinityIndex.TermID,
                                          index: inout AffinityIndex, census: inout PodCensus) -> [String] {
        if let cached = unseeded[content] { return cached }
        let domains = (carriers[content] ?? [:]).filter { domain, count in
            index.selected(by: id, in: domain, census: &census) <= count
        }.keys.sorted()
        unseeded[content] = domains
        return domains
    }
}
