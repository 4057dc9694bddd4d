/// When and how long to wait before re-sending an ARM request; defaults follow azcore's policy
/// (3 retries, 0.8 s doubling up to 60 s, on 408/429/500/502/503/504 and transport errors), and
/// `Retry-After` from the response wins over the computed delay.
public struct RetryPolicy: Hashable, Sendable {
    public var maximumRetries: Int
    /// Seconds before the first retry; doubles each retry.
    public var initialDelay: Double
    /// Cap on the computed delay, seconds.
    public var maximumDelay: Double
    /// Cap on a server-sent `Retry-After`, seconds, so a bad header cannot stall the caller for hours.
    public var maximumRetryAfter: Double
    public var retryableStatuses: Set<Int>

    public init(maximumRetries: Int = 3, initialDelay: Double = 0.8, maximumDelay: Double = 60,
                maximumRetryAfter: Double = 600, retryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504]) {
        self.maximumRetries = maximumRetries
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.maximumRetryAfter = maximumRetryAfter
        self.retryableStatuses = retryableStatuses
    }

    /// Seconds to wait before retry number `retry` (0-based) after `response` (nil: transport error).
    public func delay(beforeRetry retry: Int, after response: HTTPResponseMessage?) -> Double {
        if let response, let serverDelay = Self.retryAfter(response) { return min(serverDelay, maximumRetryAfter) }
        return min(maximumDelay, initialDelay * Double(1 << min(max(retry, 0), 30)))
    }

    /// The server's requested delay: `retry-after-ms`, `x-ms-retry-after-ms`, then `Retry-After` in
    /// seconds (HTTP dates are not used by ARM and are ignored).
    public static func retryAfter(_ response: HTTPResponseMessage) -> Double? {
        for name in ["retry-after-ms", "x-ms-retry-after-ms"] {
            if let value = response.header(name).flatMap(Double.init), value >= 0 { return value / 1000 }
        }
        if let value = response.header("Retry-After").flatMap(Double.init), value >= 0 { return value }
        return nil
    }
}
