import Foundation
import Histogram
import NodePlanClient
import NodePlanModel
import NodePlanReport
import NodePlanWire

/// One load test: issues solve requests, records each latency in microseconds, counts outcomes.
struct LoadRun: Sendable {
    var client: NodePlanClient
    var snapshot: Snapshot
    var concurrency: Int
    /// Requests per second; 0 runs a closed loop.
    var rate: Double
    var duration: Duration
    /// Stop after this many requests; 0 means no count limit.
    var requests: Int
    var deadline: Duration
    var progress: Bool

    /// What a load test measured.
    struct Result: Sendable {
        var elapsed: Duration
        var latencies: Histogram<UInt64>
        var outcomes: [String: Int]

        var succeeded: Int { outcomes["OK"] ?? 0 }
        var total: Int { outcomes.values.reduce(0, +) }
        var seconds: Double { Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18 }
        var throughput: Double { seconds > 0 ? Double(total) / seconds : 0 }

        /// Latency percentiles in milliseconds.
        var percentiles: [(name: String, milliseconds: Double)] {
            [("p50", 50.0), ("p90", 90.0), ("p99", 99.0), ("p99.9", 99.9)].map {
                ($0.0, Double(latencies.valueAtPercentile($0.1)) / 1000)
            } + [("max", Double(latencies.max) / 1000)]
        }

        func table() -> String {
            var out = "requests \(total) in \(PlanTextReport.fixed(seconds, digits: 1)) s, "
                + "\(PlanTextReport.fixed(throughput, digits: 1)) req/s\n"
            out += "latency ms: " + percentiles.map { "\($0.name) \(PlanTextReport.fixed($0.milliseconds, digits: 2))" }
                .joined(separator: "  ") + "\n"
            out += "status: " + outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
            return out
        }

        func json() throws -> String {
            let object: [String: Any] = [
                "requests": total, "seconds": seconds, "throughput": throughput, "statuses": outcomes,
                "latencyMilliseconds": Dictionary(uniqueKeysWithValues: percentiles.map { ($0.name, $0.milliseconds) }),
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }

    func run() async -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        let end = start + duration
        let issued = Counter()
        let interval: Duration? = rate > 0 ? .nanoseconds(Int64(1e9 / rate)) : nil

        let (latencies, outcomes) = await withTaskGroup(of: (Histogram<UInt64>, [String: Int]).self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var histogram = Histogram<UInt64>(highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: .three)
                    var outcomes: [String: Int] = [:]
                    while true {
                        guard let ticket = issued.next(limit: requests) else { break }
                        // Fixed rate: request n is due at start + n × interval; workers share the schedule.
                        var due = clock.now
                        if let interval {
                            due = start + interval * ticket
                            if due > clock.now { try? await clock.sleep(until: due) }
                        }
                        guard due < end || duration == .zero else { break }
                        let status: String
                        do {
                            _ = try await client.solve(snapshot, deadline: deadline)
                            status = "OK"
                        } catch let error as WireError {
                            status = error.code.description
                        } catch {
                            status = "CLIENT_ERROR"
                        }
                        let elapsed = clock.now - due
                        _ = histogram.record(UInt64(max(0, elapsed.components.seconds * 1_000_000
                                                        + elapsed.components.attoseconds / 1_000_000_000_000)))
                        outcomes[status, default: 0] += 1
                        if progress && worker == 0 && ticket % 20 == 0 {
                            let seconds = Double((clock.now - start).components.seconds)
                            FileHandle.standardError.write(Data("\r\(ticket) requests after \(Int(seconds)) s ".utf8))
                        }
                    }
                    return (histogram, outcomes)
                }
            }
            var merged = Histogram<UInt64>(highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: .three)
            var counts: [String: Int] = [:]
            for await (histogram, outcomes) in group {
                merged.add(histogram)
                counts.merge(outcomes, uniquingKeysWith: +)
            }
            return (merged, counts)
        }
        if progress { FileHandle.standardError.write(Data("\n".utf8)) }
        return Result(elapsed: clock.now - start, latencies: latencies, outcomes: outcomes)
    }
}

/// Hands out request numbers to the workers, up to an optional limit.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// The next request number, or nil when `limit` (if non-zero) requests were handed out.
    func next(limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard limit == 0 || value < limit else { return nil }
        value += 1
        return value - 1
    }
}
