import NodePlanModel

/// A NodePool ready for provisioning: its requirements, the instance types that survive them,
/// DaemonSet overhead per instance-type group, and what its limits still allow.
struct NodeClaimTemplate: Sendable {
    var pool: NodePool
    /// Pool requirements ∩ template labels ∩ `karpenter.sh/nodepool In [name]`.
    var requirements: Requirements
    var options: [InstanceTypeOption]
    var daemonSetGroups: DaemonSetOverheadGroups
    var limits: NodePoolLimits

    var name: String { pool.name }

    /// Karpenter's template order: weight descending, ties by name descending.
    static func precedes(_ lhs: NodeClaimTemplate, _ rhs: NodeClaimTemplate) -> Bool {
        lhs.pool.weight != rhs.pool.weight ? lhs.pool.weight > rhs.pool.weight : lhs.pool.name > rhs.pool.name
    }
}
