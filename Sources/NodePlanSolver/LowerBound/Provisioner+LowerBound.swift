import NodePlanModel

extension Provisioner {
    /// A proven lower bound on the hourly price of the new nodes any valid plan needs to host
    /// `pods` (indices into `snapshot.pods`) on new nodes alone, with the snapshot's NodePools,
    /// instance types and DaemonSets; pods provisioning would not place (bound, ignored) are left
    /// out. See docs/lower-bound.md for what it assumes.
    ///
    /// - Throws: `ProvisioningInputError` naming the field when the snapshot is inconsistent.
    public func newNodeCostLowerBound(snapshot: Snapshot, instanceTypes: [String: [InstanceType]]? = nil,
                                      pods: [Int32]) throws(ProvisioningInputError) -> NewNodeCostBound {
        try ProvisioningInputError.validate(snapshot)
        let setup = ProvisioningSetup(snapshot: snapshot, instanceTypes: instanceTypes, options: options)
        return NewNodeCostBound(pods: pods, scheduler: setup.scheduler)
    }

    /// `CostSummary.lowerBound` for a provisioning plan: the existing nodes it keeps (every node
    /// not terminated, priced as in `after`), plus the bound on new nodes for exactly the pods
    /// the plan launches new nodes for. So `after − lowerBound` is the most that a different
    /// packing of those pods onto new nodes could save. `scheduler` is the one before solving:
    /// NodePool limits as they stand in the snapshot.
    static func costLowerBound(of plan: Plan, snapshot: Snapshot, instanceTypes: [String: [InstanceType]]?,
                               scheduler: Scheduler) -> Double {
        let terminated = Set(plan.terminations.map(\.node))
        let kept = snapshot.nodes.reduce(0) { total, node in
            guard !terminated.contains(node.name) else { return total }
            return total + (node.hourlyPrice(among: instanceTypes?[node.nodePool] ?? snapshot.instanceTypes) ?? 0)
        }
        return kept + NewNodeCostBound(pods: plan.launches.flatMap(\.pods), scheduler: scheduler).value
    }
}
