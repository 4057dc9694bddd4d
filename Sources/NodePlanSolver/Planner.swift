import NodePlanModel
import NodePlanValidator

/// nodeplan's full answer for a snapshot: provisioning of the pending pods and, when
/// `options.consolidate` is set, expiration of nodes past their pool's `expireAfter` and
/// consolidation of the cluster provisioning leaves behind, as one plan.
public struct Planner: Sendable {
    public var options: SolverOptions

    public init(options: SolverOptions = SolverOptions()) {
        self.options = options
    }

    /// Plans `snapshot`: launches and placements for pending pods; with `options.consolidate` also
    /// for the pods of expired nodes, then the first disruption command on the provisioned cluster.
    /// Terminations wait for the launches that take their pods.
    ///
    /// - Parameters:
    ///   - instanceTypes: instance types per NodePool name, as for `Provisioner.solve`.
    ///   - control: passed to provisioning and consolidation; once `isCancelled()` is true the call
    ///     returns at once an incomplete plan that the caller discards.
    /// - Throws: `ProvisioningInputError` naming the field when the snapshot is inconsistent.
    public func plan(snapshot: Snapshot, instanceTypes: [String: [InstanceType]]? = nil,
                     control: SolveControl = .unbounded) throws(ProvisioningInputError) -> Plan {
        var plan = try unchecked(snapshot: snapshot, instanceTypes: instanceTypes, control: control)
        guard !control.isCancelled() else { return plan }
        #if DEBUG
        // Debug builds re-check every plan with the independent validator, so a solver bug shows up as a
        // warning wherever the planner runs (tests, `swift run`), not only where a caller validates.
        plan.warnings += PlanValidator.validate(snapshot: snapshot, instanceTypes: instanceTypes ?? [:], plan: plan)
            .map { "validator: \($0)" }
        #endif
        return plan
    }

    private func unchecked(snapshot: Snapshot, instanceTypes: [String: [InstanceType]]?, control: SolveControl)
        throws(ProvisioningInputError) -> Plan {
        let provisioner = Provisioner(options: options)
        guard options.consolidate else {
            return try provisioner.solve(snapshot: snapshot, instanceTypes: instanceTypes, control: control)
        }
        let (provisioning, planned) = try Expiration.provisioning(snapshot: snapshot, instanceTypes: instanceTypes,
                                                                 provisioner: provisioner, control: control)
        guard !control.isCancelled() else { return provisioning }
        let settled = planned.applying(provisioning, instanceTypes: instanceTypes)
        let consolidation = try Consolidator(options: options)
            .consolidate(snapshot: settled, instanceTypes: instanceTypes, control: control)
        return Plan(provisioning: provisioning, then: consolidation, for: snapshot)
    }
}
