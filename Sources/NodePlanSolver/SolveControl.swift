/// What a running solve is given from outside: a way to learn that its answer is no longer
/// wanted, and the time.
///
/// The solver reads no clock of its own and never looks at sockets: a caller that wants a time
/// budget or cancellation passes them in here. Long loops (the scheduler's pod loop, the
/// consolidator's simulations, the optimizer's improvement rounds) poll `isCancelled`; the
/// optimizing strategy compares `now()` with its budget and returns the best plan found so far.
public struct SolveControl: Sendable {
    /// True once the caller no longer wants the answer (client cancel, deadline passed, shutdown).
    public let isCancelled: @Sendable () -> Bool
    /// Monotonic time since an arbitrary origin. Used only to honour time budgets.
    public let now: @Sendable () -> Duration

    public init(isCancelled: @escaping @Sendable () -> Bool = { false },
                now: @escaping @Sendable () -> Duration) {
        self.isCancelled = isCancelled
        self.now = now
    }

    /// Never cancelled, and time stands still: budgets never run out, so the result depends on
    /// the snapshot alone. The default for library callers and tests.
    public static let unbounded = SolveControl(now: { .zero })

    /// Backed by `ContinuousClock`, measured from the moment this control is made.
    public static func continuous(isCancelled: @escaping @Sendable () -> Bool = { false }) -> SolveControl {
        let clock = ContinuousClock()
        let origin = clock.now
        return SolveControl(isCancelled: isCancelled, now: { clock.now - origin })
    }
}
