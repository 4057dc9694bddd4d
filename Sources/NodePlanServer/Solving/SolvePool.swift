import Dispatch
import NIOConcurrencyHelpers
import NIOCore

/// A bounded pool of solve workers on Dispatch, kept off the event loops.
///
/// At most `workers` jobs run at once and at most `queueCapacity` more wait; `submit` refuses work
/// beyond that, so an overloaded server answers RESOURCE_EXHAUSTED instead of queueing without bound.
final class SolvePool: Sendable {
    typealias Job = @Sendable () -> Void

    private struct State {
        var running = 0
        var waiting = CircularBuffer<Job>()
    }

    let workers: Int
    let queueCapacity: Int
    private let state = NIOLockedValueBox(State())
    private let queue = DispatchQueue(label: "nodeplan.solve", qos: .userInitiated, attributes: .concurrent)

    init(workers: Int, queueCapacity: Int) {
        precondition(workers > 0, "a solve pool needs at least one worker")
        precondition(queueCapacity >= 0, "queue capacity must not be negative")
        self.workers = workers
        self.queueCapacity = queueCapacity
    }

    /// Jobs running plus jobs waiting.
    var load: Int { state.withLockedValue { $0.running + $0.waiting.count } }

    /// Runs `job` on a worker when one is free; false (and `job` dropped) when the pool is saturated.
    func submit(_ job: @escaping Job) -> Bool {
        let startNow: Bool? = state.withLockedValue { state in
            if state.running < workers {
                state.running += 1
                return true
            }
            guard state.waiting.count < queueCapacity else { return nil }
            state.waiting.append(job)
            return false
        }
        guard let startNow else { return false }
        if startNow { queue.async { self.run(job) } }
        return true
    }

    /// Runs `job`, then every job that queued meanwhile, on this worker.
    private func run(_ job: @escaping Job) {
        var next: Job? = job
        while let current = next {
            current()
            next = state.withLockedValue { state in
                if let waiting = state.waiting.popFirst() { return waiting }
                state.running -= 1
                return nil
            }
        }
    }
}
