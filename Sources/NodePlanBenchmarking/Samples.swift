/// Repeated timings of one piece of work, in milliseconds.
public struct Samples: Sendable, Hashable, Codable {
    /// Every run's time in milliseconds, sorted ascending.
    public private(set) var milliseconds: [Double]

    public init(milliseconds: [Double]) { self.milliseconds = milliseconds.sorted() }

    /// The middle run (the upper middle for an even count).
    public var median: Double { milliseconds.isEmpty ? 0 : milliseconds[milliseconds.count / 2] }
    public var minimum: Double { milliseconds.first ?? 0 }
    public var runs: Int { milliseconds.count }

    /// Times `body` `runs` times, stopping early once the runs together have taken `budgetMilliseconds`
    /// (so one slow row cannot hold a whole suite up); at least one run is always made.
    public static func measure<Result>(runs: Int, budgetMilliseconds: Double = .infinity,
                                       _ body: () throws -> Result) rethrows -> (samples: Samples, last: Result) {
        let clock = ContinuousClock()
        var times: [Double] = []
        var last: Result
        repeat {
            let started = clock.now
            last = try body()
            times.append((clock.now - started).milliseconds)
        } while times.count < runs && times.reduce(0, +) < budgetMilliseconds
        return (Samples(milliseconds: times), last)
    }
}

extension Duration {
    /// This duration in (fractional) milliseconds.
    public var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
