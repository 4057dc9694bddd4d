import NodePlanModel
import NodePlanSolver
import NodePlanWire

/// The planning work behind Solve, Plan and Consolidate, run on the solve pool.
///
/// Each closure gets the token of its stream and should return early once it is cancelled; the
/// server discards the result of a cancelled stream either way.
public struct SolveEngine: Sendable {
    /// Plans for a snapshot, given each NodePool's instance types; a snapshot it cannot plan for is
    /// an `.invalidArgument` error whose field path starts at the request (`snapshot.…`).
    public typealias Planner = @Sendable (Snapshot, [String: [InstanceType]], SolveCancellation) throws(WireError) -> Plan

    public var provision: Planner
    /// Consolidation; nil in a build without it (Consolidate answers UNIMPLEMENTED).
    public var consolidate: Planner?

    public init(provision: @escaping Planner, consolidate: Planner? = nil) {
        self.provision = provision
        self.consolidate = consolidate
    }

    /// NodePlanSolver's provisioner. It runs to completion: the solver has no cancellation point yet,
    /// so a cancelled stream stops at the next phase boundary (before solving, before encoding).
    public static let standard = SolveEngine(provision: { (snapshot, instanceTypes, _) throws(WireError) in
        do throws(ProvisioningInputError) {
            return try Provisioner(options: snapshot.options).solve(snapshot: snapshot, instanceTypes: instanceTypes)
        } catch {
            throw WireError(.invalidArgument, error.reason, fieldPath: "snapshot.\(error.field)")
        }
    })
}
