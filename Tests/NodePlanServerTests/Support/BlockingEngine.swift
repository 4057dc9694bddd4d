import Foundation
import NIOConcurrencyHelpers
import NodePlanModel
import NodePlanServer

/// A planner that polls its cancellation token like the solver should, and runs until it is
/// cancelled or released, reporting when it starts and why it stopped.
final class BlockingEngine: Sendable {
    enum Event: Hashable, Sendable {
        case started
        /// The token's reason, or nil when the test released it.
        case stopped(SolveCancellation.Reason?)
    }

    let events: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation
    private let released = NIOLockedValueBox(false)

    init() {
        (events, continuation) = AsyncStream.makeStream(of: Event.self)
    }

    var engine: SolveEngine {
        SolveEngine(provision: { [continuation, released] _, _, cancellation in
            continuation.yield(.started)
            while !cancellation.isCancelled && !released.withLockedValue({ $0 }) { usleep(1_000) }
            continuation.yield(.stopped(cancellation.reason))
            return Plan(warnings: ["released"])
        })
    }

    /// Lets every running and future solve finish normally.
    func release() { released.withLockedValue { $0 = true } }
}
