import NodePlanModel

/// The `Balanced` consolidation policy: a move is worth it for a pool when its share of the pool's
/// cost saved is at least half its share of the pool's disruption cost,
/// `(savings / pool cost) / (move disruption / pool disruption) ≥ 1/k` with k = 2. Savings of a
/// move across pools are split by each pool's share of the removed nodes' price, and every Balanced
/// pool involved must approve.
struct BalancedScoring {
    static let k = 2.0

    private struct PoolTotals {
        var cost = 0.0
        var disruption = 0.0
    }
    private var totals: [String: PoolTotals] = [:]
    private var balancedPools: Set<String>

    init(snapshot: Snapshot) {
        balancedPools = Set(snapshot.nodePools.filter { $0.disruption.consolidationPolicy == .balanced }.map(\.name))
        guard !balancedPools.isEmpty else { return }
        var disruptionByNode: [String: Double] = [:]
        for pod in snapshot.pods where pod.isBound {
            let spec = snapshot.spec(of: pod)
            guard CandidateSelection.isReschedulable(pod, spec: spec) else { continue }
            disruptionByNode[pod.nodeName, default: 0] += max(0, EvictionCost.of(pod, spec: spec))
        }
        for node in snapshot.nodes where balancedPools.contains(node.nodePool) {
            totals[node.nodePool, default: PoolTotals()].cost += node.price ?? 0
            totals[node.nodePool, default: PoolTotals()].disruption += 1 + (disruptionByNode[node.name] ?? 0)
        }
    }

    /// Whether every Balanced pool among `group`'s nodes approves removing them for `savings` per hour.
    func approves(_ group: [DisruptionCandidate], savings: Double) -> Bool {
        let groupPrice = group.reduce(0) { $0 + ($1.price ?? 0) }
        for pool in Set(group.map(\.nodePool)) where balancedPools.contains(pool) {
            guard let totals = totals[pool], totals.cost > 0, totals.disruption > 0, groupPrice > 0 else { return false }
            let members = group.filter { $0.nodePool == pool }
            let share = savings * members.reduce(0) { $0 + ($1.price ?? 0) } / groupPrice
            let disruption = members.reduce(0) { $0 + $1.rescheduleDisruptionCost }
            let score = (share / totals.cost) / (disruption / totals.disruption)
            if score < 1 / Self.k { return false }
        }
        return true
    }
}
