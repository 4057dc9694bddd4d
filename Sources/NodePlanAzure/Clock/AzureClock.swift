import Foundation

/// Wall-clock time and sleeping for the Azure clients, injected so tests can run a virtual clock.
///
/// `now` is seconds since the Unix epoch (like `Cluster.now`); it dates cache entries, token expiry and
/// VM ages. `sleep` waits between retries and LRO polls.
public struct AzureClock: Sendable {
    public var now: @Sendable () -> Double
    public var sleep: @Sendable (_ seconds: Double) async throws -> Void

    public init(now: @escaping @Sendable () -> Double, sleep: @escaping @Sendable (_ seconds: Double) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }

    /// The system's wall clock and `Task.sleep`.
    public static let system = AzureClock(
        now: { Date().timeIntervalSince1970 },
        sleep: { seconds in try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000)) })
}
