import NodePlanModel

/// An independent checker of solver plans.
///
/// It re-derives the cluster the plan leaves behind from the snapshot alone (existing nodes with
/// their bound pods, minus terminated and deleting nodes and evicted pods; launched nodes with
/// labels from the chosen instance type, offering and pool; every placement) and checks each hard
/// rule Karpenter and the kube-scheduler enforce. It shares no code with the solver.
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
