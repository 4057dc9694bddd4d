/// The shared secret a client presents in its hello frame.
public struct BearerToken: Sendable {
    private let secret: [UInt8]

    public init(_ secret: String) {
        precondition(!secret.isEmpty, "a bearer token must not be empty")
        self.secret = Array(secret.utf8)
    }

    /// Whether `presented` is the token, in time that depends only on its length, so a
    /// byte-by-byte timing probe learns nothing.
    public func matches(_ presented: String) -> Bool {
        let candidate = Array(presented.utf8)
        var difference = UInt(bitPattern: candidate.count ^ secret.count)
        for index in candidate.indices {
            difference |= UInt(candidate[index] ^ secret[index % secret.count])
        }
        return difference == 0
    }
}

extension BearerToken: CustomStringConvertible, CustomDebugStringConvertible {
    /// Never the secret: a token that reaches a log line or a debugger prints as redacted.
    public var description: String { "BearerToken(redacted)" }
    public var debugDescription: String { description }
}
