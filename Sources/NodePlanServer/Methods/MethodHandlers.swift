import Dispatch
import NodePlanCatalog
import NodePlanModel
import NodePlanValidator
import NodePlanWire

/// What Solve, Plan, Consolidate and Validate do once their request is decoded: resolve instance
/// types, plan or validate, and check the stream's token between phases. Runs on the solve pool.
struct MethodHandlers: Sendable {
    let engine: SolveEngine
    let instanceTypes: InstanceTypeCache
    let metrics: ServerMetrics

    /// The response to `request`, or the error that ends its stream.
    func respond(to request: WireRequest, cancellation: SolveCancellation) throws(WireError) -> WireResponse {
        switch request {
        case .solve(let snapshot):
            return .solve(try planned(snapshot, .solve, engine.provision, cancellation))
        case .plan(let snapshot):
            if let planner = engine.plan { return .plan(try planned(snapshot, .plan, planner, cancellation)) }
            var plan = try planned(snapshot, .plan, engine.provision, cancellation)
            plan.warnings.append("consolidation is not available in this server build; the plan covers provisioning only")
            return .plan(plan)
        case .consolidate(let snapshot):
            guard let consolidate = engine.consolidate else {
                throw WireError(.unimplemented, "Consolidate: this server build has no consolidation solver yet")
            }
            return .consolidate(try planned(snapshot, .consolidate, consolidate, cancellation))
        case .validate(let snapshot, let plan):
            let instanceTypes = try resolve(snapshot)
            try checkpoint(cancellation)
            let violations = PlanValidator.validate(snapshot: snapshot, instanceTypes: instanceTypes, plan: plan)
            return .validate(violations: violations.map(\.description))
        case .health, .serverInfo:
            throw WireError(.internal, "\(request.method) is answered on the connection, not on the solve pool")
        }
    }

    /// Resolves instance types, runs `planner` and records solve time and plan size.
    private func planned(_ snapshot: Snapshot, _ method: RPCMethod, _ planner: SolveEngine.Planner,
                         _ cancellation: SolveCancellation) throws(WireError) -> Plan {
        var snapshot = snapshot
        snapshot.options.timeBudgetMilliseconds = cancellation.timeBudget(capping: snapshot.options.timeBudgetMilliseconds)
        let instanceTypes = try resolve(snapshot)
        try checkpoint(cancellation)
        let start = DispatchTime.now().uptimeNanoseconds
        var plan = try planner(snapshot, instanceTypes, cancellation)
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        try checkpoint(cancellation)
        metrics.solved(method, nanoseconds: elapsed)
        metrics.planPods.record(plan.launches.reduce(0) { $0 + $1.pods.count } + plan.assignments.reduce(0) { $0 + $1.pods.count })
        metrics.planNodes.record(plan.launches.count)
        plan.timings["server.solve", default: 0] += Double(elapsed) / 1e6
        return plan
    }

    /// Each NodePool's instance types; catalog problems name the snapshot field at fault.
    private func resolve(_ snapshot: Snapshot) throws(WireError) -> [String: [InstanceType]] {
        do {
            return try instanceTypes.instanceTypes(for: snapshot)
        } catch {
            switch error {
            case .unknownRegion(_, let field), .unknownInstanceType(_, let field):
                throw WireError(.invalidArgument, error.description, fieldPath: "snapshot.\(field)")
            case .missingNodeClass(let nodePool, _):
                let index = snapshot.nodePools.firstIndex { $0.name == nodePool } ?? 0
                throw WireError(.invalidArgument, error.description, fieldPath: "snapshot.nodePools[\(index)].nodeClass")
            case .missingResource, .malformedResource:
                throw WireError(.internal, error.description)
            }
        }
    }

    /// Stops the stream's work once its token is cancelled.
    private func checkpoint(_ cancellation: SolveCancellation) throws(WireError) {
        guard let reason = cancellation.reason else { return }
        throw WireError(reason)
    }
}

extension WireError {
    /// The error a stream ends with when its token is cancelled for `reason`.
    init(_ reason: SolveCancellation.Reason) {
        switch reason {
        case .cancelled: self.init(.cancelled, "the client cancelled the request")
        case .deadlineExceeded: self.init(.deadlineExceeded, "the request's deadline passed before the plan was ready")
        case .shuttingDown: self.init(.unavailable, "the server shut down before the request finished")
        }
    }
}
