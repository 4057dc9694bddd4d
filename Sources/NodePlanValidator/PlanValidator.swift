import NodePlanModel

/// An independent checker of solver plans.
///
/// It re-derives the cluster the plan leaves behind from the snapshot alone and shares no code
/// with the solver:
/// - existing nodes that stay keep their bound, non-terminal pods, minus evicted ones; nodes the
///   plan terminates and nodes already marked for deletion are gone;
/// - each launch becomes a node labelled from the chosen instance type's single-valued
///   requirements, the offering's instance type, zone and capacity type, the pool template's
///   labels and single-valued requirements, the launch's single-valued requirements and labels,
///   the hostname (the launch name) and the NodePool label; its taints are the pool's (and the
///   launch's), never its startup taints;
/// - every assignment and launch adds its pods.
///
/// Then each rule checks one family of hard constraints (see `PlanRule`, one file per rule):
/// `PlacementRule`, `TerminationRule`, `DisruptionRule`, `LaunchRule`, `CapacityRule`, `NodePoolLimitRule`,
/// `NodeSelectionRule`, `HostPortRule`, `VolumeLimitRule`, `TopologySpreadRule`, `PodAffinityRule`.
/// Nodes the plan places no pod on are not judged for capacity, ports, volumes or topology: the
/// plan cannot be blamed for the state it was given. Where the final state cannot tell whether
/// some placement order satisfied a rule, the check is the strongest condition every valid
/// order meets, so a correct plan never gets a violation (spread, self-affinity bootstrap).
public enum PlanValidator {
    /// Every hard constraint `plan` breaks for `snapshot`; empty when the plan is valid.
    ///
    /// - Parameter instanceTypes: the instance types each NodePool may launch, keyed by pool name;
    ///   when empty, `snapshot.instanceTypes` apply to every pool.
    public static func validate(snapshot: Snapshot, instanceTypes: [String: [InstanceType]] = [:],
                                plan: Plan) -> [PlanViolation] {
        let catalog = InstanceTypeCatalog(snapshot: snapshot, perPool: instanceTypes)
        let cluster = FinalCluster(snapshot: snapshot, plan: plan, catalog: catalog)
        var census = PodCensus(cluster)
        var violations: [PlanViolation] = []
        violations += PlacementRule.violations(in: cluster)
        violations += TerminationRule.violations(in: cluster)
        violations += DisruptionRule.violations(in: cluster)
        violations += LaunchRule.violations(in: cluster)
        violations += CapacityRule.violations(in: cluster)
        violations += NodePoolLimitRule.violations(in: cluster)
        violations += NodeSelectionRule.violations(in: cluster)
        violations += HostPortRule.violations(in: cluster)
        violations += VolumeLimitRule.violations(in: cluster)
        violations += TopologySpreadRule.violations(in: cluster, census: census)
        violations += PodAffinityRule.violations(in: cluster, census: &census)
        return violations
    }
}
