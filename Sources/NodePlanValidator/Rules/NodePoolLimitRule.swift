import NodePlanModel

/// For each NodePool the plan launches into, the summed capacity of its remaining nodes plus its
/// launches stays within every limit (any resource, and `nodes` for the node count).
enum NodePoolLimitRule {
    static func violations(in cluster: FinalCluster) -> [PlanViolation] {
        var violations: [PlanViolation] = []
        let launchedPools = Set(cluster.plan.launches.map(\.nodePool))
        for pool in cluster.snapshot.nodePools where launchedPools.contains(pool.name) && !pool.limits.isEmpty {
            var used = ResourceList()
            var nodeCount: Int64 = 0
            for node in cluster.nodes where node.nodePool == pool.name {
                nodeCount += 1
                if let capacity = node.capacity { used.add(capacity) }
            }
            used[ResourceName.nodes] = .units(nodeCount)
            for limit in pool.limits.entries where used[limit.name] > limit.quantity {
                violations.append(PlanViolation(
                    rule: .nodePoolLimitExceeded, node: nil,
                    message: "NodePool \(pool.name): \(limit.name) \(used[limit.name]) exceeds its limit \(limit.quantity)"))
            }
        }
        return violations
    }
}
