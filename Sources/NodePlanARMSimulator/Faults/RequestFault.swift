/// A rule answering matching ARM requests with a throttling or server error instead of handling them.
public struct RequestFault: Hashable, Sendable {
    /// The error answered.
    public enum Kind: Hashable, Sendable {
        /// 429 with `Retry-After: <seconds>`.
        case throttle(retryAfterSeconds: Int)
        /// A 5xx status.
        case serverError(status: Int)
    }

    public var kind: Kind
    /// Nil matches every method.
    public var method: String?
    /// Matches paths containing this text (case-insensitive); nil matches every path.
    public var pathContains: String?
    /// How many requests it answers.
    public var remaining: Int

    public init(_ kind: Kind, method: String? = nil, pathContains: String? = nil, count: Int = 1) {
        self.kind = kind
        self.method = method?.uppercased()
        self.pathContains = pathContains?.lowercased()
        self.remaining = count
    }

    func matches(_ request: SimulatorRequest) -> Bool {
        remaining > 0 && (method.map { $0 == request.method } ?? true)
            && (pathContains.map { request.path.lowercased().contains($0) } ?? true)
    }

    var response: SimulatorResponse {
        switch kind {
        case .throttle(let seconds):
            return .armError(429, code: "TooManyRequests",
                             message: "The request is being throttled as the limit has been reached for operation type.",
                             headers: [("Retry-After", String(seconds))])
        case .serverError(let status):
            return .armError(status, code: "InternalServerError", message: "Encountered internal server error.")
        }
    }
}
