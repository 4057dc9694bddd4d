import NodePlanModel

/// nodeplan's full answer for a snapshot: provisioning of the pending pods and, when
/// `options.consolidate` is set, consolidation of the cluster provisioning leaves behind, as one plan.
public struct Planner: Sendable {
    public var options: SolverOptions
    /// Karpenter's `SpotToSpotConsolidation` feature gate; see `Consolidator`.
    public var spotToSpotConsolidation: Bool

    public init(options: SolverOptions = SolverOptions(), spotToSpotConsolidation: Bool = false) {
        self.options = options
        self.spotToSpotConsolidation = spotToSpotConsolidation
    }

    /// Plans `snapshot`: launches and placements for pending pods, then (with `options.consolidate`)
    /// the first disruption command on the provisioned cluster, whose terminations wait for their
    /// replacements.
    ///
    /// - Parameter instanceTypes: instance types per NodePool name, as for `Provisioner.solve`.
    /// - Throws: `ProvisioningInputError` naming the field when the snapshot is inconsistent.
    public func plan(snapshot: Snapshot, instanceTypes: [String: [InstanceType]]? = nil)
        throws(ProvisioningInputError) -> Plan {
        let provisioning = try Provisioner(options: options).solve(snapshot: snapshot, instanceTypes: instanceTypes)
        guard options.consolidate else { return provisioning }
        let settled = snapshot.applying(provisioning, instanceTypes: instanceTypes)
        let consolidation = try Consolidator(options: options, spotToSpotConsolidation: spotToSpotConsolidation)
            .consolidate(snapshot: settled, instanceTypes: instanceTypes)
        return Plan(provisioning: provisioning, then: consolidation, for: snapshot)
    }
}
