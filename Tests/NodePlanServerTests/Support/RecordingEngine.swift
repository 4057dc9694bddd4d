import NIOConcurrencyHelpers
import NodePlanModel
import NodePlanServer
import NodePlanWire

/// The standard engine's provisioner, reporting when each solve starts and, when it returns, how
/// many of its snapshot's pending pods the plan accounts for (placed or unschedulable): fewer than
/// all of them means the solver stopped early.
final class RecordingEngine: Sendable {
    struct Finished: Hashable, Sendable {
        var accounted: Int
        var pending: Int
        var stoppedEarly: Bool { accounted < pending }
    }

    enum Event: Hashable, Sendable {
        case started
        case finished(Finished)
    }

    let events: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation

    init() {
        (events, continuation) = AsyncStream.makeStream(of: Event.self)
    }

    var engine: SolveEngine {
        let standard = SolveEngine.standard.provision
        return SolveEngine(provision: { [continuation] (snapshot, instanceTypes, cancellation) throws(WireError) in
            continuation.yield(.started)
            let plan = try standard(snapshot, instanceTypes, cancellation)
            let accounted = plan.launches.reduce(0) { $0 + $1.pods.count }
                + plan.assignments.reduce(0) { $0 + $1.pods.count } + plan.unschedulable.count
            continuation.yield(.finished(Finished(accounted: accounted,
                                                  pending: snapshot.pods.count { $0.nodeName.isEmpty })))
            return plan
        })
    }
}
