import Atomics
import Dispatch

/// A token a long-running solve polls to learn that its answer is no longer wanted: the client
/// cancelled the stream, its deadline passed, or the server is stopping.
///
/// The solver is pure and synchronous, so nothing can interrupt it from outside; it stops early only
/// by checking `isCancelled` between units of work. Polling is one relaxed atomic load plus, while a
/// deadline is set and not yet reached, one monotonic clock read.
public final class SolveCancellation: Sendable {
    /// Why the solve should stop.
    public enum Reason: UInt8, Sendable {
        /// The client sent CANCEL (or went away).
        case cancelled = 1
        /// The request's deadline passed.
        case deadlineExceeded = 2
        /// The server is shutting down and gave up waiting.
        case shuttingDown = 3
    }

    private let state = ManagedAtomic<UInt8>(0)
    /// Monotonic deadline in `DispatchTime.uptimeNanoseconds`; nil when the request has none.
    public let deadlineUptimeNanoseconds: UInt64?

    /// A token that is cancelled explicitly or, when `deadline` is set, once it passes.
    public init(deadline: DispatchTime? = nil) {
        deadlineUptimeNanoseconds = deadline?.uptimeNanoseconds
    }

    /// Why the solve should stop, or nil while it should go on.
    public var reason: Reason? {
        if let reason = Reason(rawValue: state.load(ordering: .relaxed)) { return reason }
        if let deadline = deadlineUptimeNanoseconds, DispatchTime.now().uptimeNanoseconds >= deadline {
            cancel(.deadlineExceeded)
            return Reason(rawValue: state.load(ordering: .relaxed))
        }
        return nil
    }

    /// True once the solve should stop; the solver polls this between units of work.
    public var isCancelled: Bool { reason != nil }

    /// Asks the solve to stop; the first reason given wins.
    public func cancel(_ reason: Reason) {
        _ = state.compareExchange(expected: 0, desired: reason.rawValue, ordering: .relaxed)
    }

    /// The solver's time budget bounded by the deadline (docs/protocol.md §6): `budget`, or three
    /// quarters of the time left when that is less, so encoding and sending the plan fit too.
    public func timeBudget(capping budget: Int64) -> Int64 {
        guard let deadline = deadlineUptimeNanoseconds else { return budget }
        let now = DispatchTime.now().uptimeNanoseconds
        let leftMilliseconds = deadline > now ? Int64((deadline - now) / 1_000_000) : 0
        return min(budget, max(1, leftMilliseconds * 3 / 4))
    }
}
