import NodePlanModel
import NodePlanSolver

/// The planning work behind Solve, Plan and Consolidate, run on the solve pool.
///
/// Each closure gets the token of its stream and should return early once it is cancelled; the
/// server discards the result of a cancelled stream either way.
public struct SolveEngine: Sendable {
    /// Plans provisioning for a snapshot, given each NodePool's instance types.
    public typealias Planner = @Sendable (Snapshot, [String: [InstanceType]], SolveCancellation) -> Plan

    public var provision: Planner
    /// Consolidation; nil in a build without it (Consolidate answers UNIMPLEMENTED).
    public var consolidate: Planner?

    public init(provision: @escaping Planner, consolidate: Planner? = nil) {
        self.provision = provision
        self.consolidate = consolidate
    }

    /// NodePlanSolver's provisioner. It runs to completion: the solver has no cancellation point yet,
    /// so a cancelled stream stops at the next phase boundary (before solving, before encoding).
    public static let standard = SolveEngine(provision: { snapshot, instanceTypes, _ in
        Provisioner(options: snapshot.options).solve(snapshot: snapshot, instanceTypes: instanceTypes)
    })
}
