import NodePlanModel

/// Nodes each NodePool may still disrupt, per reason: the minimum over its active budgets that
/// cover the reason, minus the pool's nodes already disrupting (not ready or being deleted).
/// A pool without an active budget for a reason is unbounded.
struct DisruptionBudgets {
    private var remaining: [String: [DisruptionReason: Int]] = [:]

    init(snapshot: Snapshot) {
        for pool in snapshot.nodePools {
            let nodes = snapshot.nodes.filter { $0.nodePool == pool.name }
            let size = nodes.filter(\.initialized).count
            let disrupting = nodes.filter { !$0.ready || $0.markedForDeletion }.count
            for reason in DisruptionReason.allCases {
                var allowed = Int.max
                for budget in pool.disruption.budgets {
                    if case .nodes(let limit) = budget.allowance(for: reason, poolSize: size, now: snapshot.cluster.now) {
                        allowed = min(allowed, limit)
                    }
                }
                remaining[pool.name, default: [:]][reason] = allowed == .max ? .max : max(allowed - disrupting, 0)
            }
        }
    }

    /// Nodes of `pool` that may still be disrupted for `reason`.
    func remaining(pool: String, reason: DisruptionReason) -> Int { remaining[pool]?[reason] ?? 0 }

    /// Takes one disruption of `pool` for `reason`; false (and nothing taken) when none is left.
    mutating func take(pool: String, reason: DisruptionReason) -> Bool {
        let left = remaining(pool: pool, reason: reason)
        guard left > 0 else { return false }
        if left != .max { remaining[pool]?[reason] = left - 1 }
        return true
    }
}
