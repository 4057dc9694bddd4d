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

    private struct State {
        var released = false
        var running = 0
        var stopReasons: [SolveCancellation.Reason?] = []
    }

    let events: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation
    private let state = NIOLockedValueBox(State())

    init() {
        (events, continuation) = AsyncStream.makeStream(of: Event.self)
    }

    var engine: SolveEngine {
        SolveEngine(provision: { [continuation, state] _, _, cancellation in
            state.withLockedValue { $0.running += 1 }
            continuation.yield(.started)
            while !cancellation.isCancelled && !state.withLockedValue({ $0.released }) { usleep(1_000) }
            state.withLockedValue { state in
                state.running -= 1
                state.stopReasons.append(cancellation.reason)
            }
            continuation.yield(.stopped(cancellation.reason))
            return Plan(warnings: ["released"])
        })
    }

    /// Lets every running and future solve finish normally.
    func release() { state.withLockedValue { $0.released = true } }

    /// Why each finished solve stopped, once none is running; nil if one still runs after 10 s.
    func stopReasonsWhenIdle() async -> [SolveCancellation.Reason?]? {
        for _ in 0..<1_000 where state.withLockedValue({ $0.running > 0 }) {
            try? await Task.sleep(for: .milliseconds(10))
        }
        return state.withLockedValue { $0.running == 0 ? $0.stopReasons : nil }
    }
}
