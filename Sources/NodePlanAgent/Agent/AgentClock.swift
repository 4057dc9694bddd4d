import Foundation

/// The agent's time: `now` in seconds since the Unix epoch (snapshots, batch windows, grace periods) and
/// `sleep`. Injected so that tests can shorten or control time.
public struct AgentClock: Sendable {
    public var now: @Sendable () -> Double
    public var sleep: @Sendable (Duration) async throws -> Void

    public init(now: @escaping @Sendable () -> Double, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }

    /// The wall clock and `Task.sleep`.
    public static let system = AgentClock(now: { Date().timeIntervalSince1970 }, sleep: { try await Task.sleep(for: $0) })
}
