import NodePlanModel

/// Pods of the final cluster counted by shape, per node and per topology domain: the input of
/// spread and (anti-)affinity checks. Terminating pods are not counted, as in Karpenter.
struct PodCensus: Sendable {
    struct Tally: Sendable {
        var all = 0
        /// Pods already on the node before the plan.
        var existing = 0
    }

    /// Per final node: tallies by pod spec index.
    private(set) var perNode: [[Int32: Tally]]
    /// Counted pods per spec index, cluster-wide.
    private(set) var total: [Int32: Int] = [:]
    private var byDomain: [String: [String: [Int32: Int]]] = [:]

    init(_ cluster: FinalCluster) {
        perNode = Array(repeating: [:], count: cluster.nodes.count)
        for (index, node) in cluster.nodes.enumerated() {
            for pod in node.pods where !cluster.snapshot.pods[Int(pod)].isTerminating {
                let spec = cluster.snapshot.pods[Int(pod)].spec
                perNode[index][spec, default: Tally()].all += 1
                if !cluster.isNew[Int(pod)] { perNode[index][spec, default: Tally()].existing += 1 }
                total[spec, default: 0] += 1
            }
        }
    }

    /// Counted pods by spec index in each domain of `key` (nodes lacking the key belong to none).
    mutating func domains(of key: String, in cluster: FinalCluster) -> [String: [Int32: Int]] {
        if let cached = byDomain[key] { return cached }
        var result: [String: [Int32: Int]] = [:]
        for (index, node) in cluster.nodes.enumerated() {
            guard let domain = node.domain(key) else { continue }
            for (spec, tally) in perNode[index] { result[domain, default: [:]][spec, default: 0] += tally.all }
        }
        byDomain[key] = result
        return result
    }
}
