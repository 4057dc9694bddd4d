import NodePlanModel

/// A NodePool ready for provisioning: its requirements, the instance types that survive them,
/// and DaemonSet overhead per instance-type group. (What its limits still allow changes during
/// the solve and is kept by the scheduler.)
///
/// A final class: every candidate check reads it, and a shared immutable reference costs one
/// retain where a struct copy would retain each field.
final class NodeClaimTemplate: Sendable {
    let pool: NodePool
    /// Pool requirements ∩ template labels ∩ `karpenter.sh/nodepool In [name]`.
    let requirements: Requirements
    let options: [InstanceTypeOption]
    let daemonSetGroups: DaemonSetOverheadGroups

    init(pool: NodePool, requirements: Requirements, options: [InstanceTypeOption],
         daemonSetGroups: DaemonSetOverheadGroups) {
        self.pool = pool
        self.requirements = requirements
        self.options = options
        self.daemonSetGroups = daemonSetGroups
    }

    var name: String { pool.name }

    /// Karpenter's template order: weight descending, ties by name descending.
    static func precedes(_ lhs: NodeClaimTemplate, _ rhs: NodeClaimTemplate) -> Bool {
        lhs.pool.weight != rhs.pool.weight ? lhs.pool.weight > rhs.pool.weight : lhs.pool.name > rhs.pool.name
    }
}
