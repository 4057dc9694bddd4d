import NodePlanModel

/// Provisioning with Karpenter's semantics: decides where every pending pod goes (existing or
/// in-flight nodes, or new NodeClaims with a chosen SKU, zone, capacity type and ranked
/// fallbacks) and explains every pod it cannot place.
///
/// Pure and deterministic: the same snapshot and instance types always give the same plan.
public struct Provisioner: Sendable {
    public var options: SolverOptions

    public init(options: SolverOptions = SolverOptions()) { self.options = options }

    /// Plans provisioning for `snapshot` with `options.strategy`: Karpenter's greedy, or the
    /// optimizing portfolio search (`PortfolioSearch`), which never places fewer pods nor costs more.
    ///
    /// - Parameters:
    ///   - instanceTypes: instance types per NodePool name; a pool missing from the map (or a nil
    ///     map) is offered `snapshot.instanceTypes`.
    ///   - control: the caller's clock and cancellation. The optimizing strategy stops searching
    ///     when `options.timeBudgetMilliseconds` have passed on it. Once `isCancelled()` is true the
    ///     solve stops and returns at once an incomplete plan (pods not yet tried are missing from
    ///     it, and it has no lower bound) that the caller, who asked for the stop, discards.
    /// - Throws: `ProvisioningInputError` naming the field when the snapshot is inconsistent.
    public func solve(snapshot: Snapshot, instanceTypes: [String: [InstanceType]]? = nil,
                      control: SolveControl = .unbounded) throws(ProvisioningInputError) -> Plan {
        try ProvisioningInputError.validate(snapshot)
        var (plan, setup) = switch options.strategy {
        case .karpenter: PortfolioMember.karpenter.run(snapshot: snapshot, instanceTypes: instanceTypes,
                                                       options: options, control: control)
        case .optimize: PortfolioSearch(snapshot: snapshot, instanceTypes: instanceTypes, options: options,
                                        control: control).run().unpacked
        }
        guard !control.isCancelled() else { return plan }
        plan.cost.before = snapshot.existingNodeCost(instanceTypes: instanceTypes)
        plan.cost.after = plan.cost.before + plan.launches.reduce(0) { $0 + $1.choice.price }
        plan.cost.lowerBound = Self.costLowerBound(of: plan, snapshot: snapshot, instanceTypes: instanceTypes,
                                                 scheduler: setup.scheduler)
        return plan
    }
}
