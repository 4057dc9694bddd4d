/// A token could not be obtained: bad configuration or the token service refused.
public struct AzureAuthenticationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// HTTP status from the token service, when it answered.
    public var status: Int?
    public var message: String

    public init(status: Int? = nil, message: String) {
        self.status = status
        self.message = message
    }

    public var description: String {
        status.map { "authentication failed (HTTP \($0)): \(message)" } ?? "authentication failed: \(message)"
    }
}
