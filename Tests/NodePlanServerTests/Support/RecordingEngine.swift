import Foundation
import NIOConcurrencyHelpers
import NodePlanModel
import NodePlanServer
import NodePlanWire

/// The standard engine's provisioner behind a gate: the first solve reports that it started, waits
/// until its stream's token fires (the deadline passes or the client cancels), and only then runs
/// the real solver with that token. When the solver returns, it reports how many of the snapshot's
/// pending pods the plan accounts for (placed or unschedulable): fewer than all of them means the
/// solver saw the cancellation and stopped early. Waiting first makes the outcome independent of
/// how fast the machine solves. Later solves run straight through.
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
    private let holdNext = NIOLockedValueBox(true)

    init() {
        (events, continuation) = AsyncStream.makeStream(of: Event.self)
    }

    var engine: SolveEngine {
        let standard = SolveEngine.standard.provision
        return SolveEngine(provision: { [continuation, holdNext] (snapshot, instanceTypes, cancellation) throws(WireError) in
            let held = holdNext.withLockedValue { hold in
                defer { hold = false }
                return hold
            }
            guard held else { return try standard(snapshot, instanceTypes, cancellation) }
            continuation.yield(.started)
            // Bounded, so a token that never fires fails the test instead of hanging it.
            for _ in 0..<6_000 where !cancellation.isCancelled { usleep(5_000) }
            let plan = try standard(snapshot, instanceTypes, cancellation)
            let accounted = plan.launches.reduce(0) { $0 + $1.pods.count }
                + plan.assignments.reduce(0) { $0 + $1.pods.count } + plan.unschedulable.count
            continuation.yield(.finished(Finished(accounted: accounted,
                                                  pending: snapshot.pods.count { $0.nodeName.isEmpty })))
            return plan
        })
    }
}
