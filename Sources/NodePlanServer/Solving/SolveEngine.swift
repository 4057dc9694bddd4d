import NodePlanModel
import NodePlanSolver
import NodePlanWire

/// The planning work behind Solve, Plan and Consolidate, run on the solve pool.
///
/// Each closure gets the token of its stream and should return early once it is cancelled (the
/// standard planners hand it to the solver as its `SolveControl`); the server discards the result
/// of a cancelled stream and answers DEADLINE_EXCEEDED, or nothing after a CANCEL.
public struct SolveEngine: Sendable {
    /// Plans for a snapshot, given each NodePool's instance types; a snapshot it cannot plan for is
    /// an `.invalidArgument` error whose field path starts at the request (`snapshot.…`).
    public typealias Planner = @Sendable (Snapshot, [String: [InstanceType]], SolveCancellation) throws(WireError) -> Plan

    public var provision: Planner
    /// Consolidation only; nil in a build without it (Consolidate answers UNIMPLEMENTED).
    public var consolidate: Planner?
    /// Provisioning then consolidation in one plan; nil means Plan covers provisioning only.
    public var plan: Planner?

    public init(provision: @escaping Planner, consolidate: Planner? = nil, plan: Planner? = nil) {
        self.provision = provision
        self.consolidate = consolidate
        self.plan = plan
    }

    /// NodePlanSolver's provisioner, consolidator and planner. They poll the stream's token every
    /// few pods and between consolidation simulations, so a cancelled stream frees its worker within
    /// about one pod's placement.
    public static let standard = SolveEngine(
        provision: { (snapshot, instanceTypes, cancellation) throws(WireError) in
            try invalidArgument { () throws(ProvisioningInputError) in
                try Provisioner(options: snapshot.options)
                    .solve(snapshot: snapshot, instanceTypes: instanceTypes, control: cancellation.control)
            }
        },
        consolidate: { (snapshot, instanceTypes, cancellation) throws(WireError) in
            try invalidArgument { () throws(ProvisioningInputError) in
                try Consolidator(options: snapshot.options)
                    .consolidate(snapshot: snapshot, instanceTypes: instanceTypes, control: cancellation.control)
            }
        },
        plan: { (snapshot, instanceTypes, cancellation) throws(WireError) in
            var options = snapshot.options
            options.consolidate = true
            return try invalidArgument { () throws(ProvisioningInputError) in
                try NodePlanSolver.Planner(options: options)
                    .plan(snapshot: snapshot, instanceTypes: instanceTypes, control: cancellation.control)
            }
        })

    /// Runs `body`, turning the solver's input errors into INVALID_ARGUMENT naming the request field.
    private static func invalidArgument(_ body: () throws(ProvisioningInputError) -> Plan) throws(WireError) -> Plan {
        do throws(ProvisioningInputError) {
            return try body()
        } catch {
            throw WireError(.invalidArgument, error.reason, fieldPath: "snapshot.\(error.field)")
        }
    }
}
