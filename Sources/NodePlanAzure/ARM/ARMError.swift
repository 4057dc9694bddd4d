import Foundation

/// An error ARM reported, in its `{"error": {"code", "message", "details"}}` shape, or a request that
/// got no usable answer.
public struct ARMError: Error, Hashable, Sendable, CustomStringConvertible {
    /// HTTP status of the failed request; nil when the error is the result of a long-running operation
    /// (the poll itself succeeded, the operation did not).
    public var status: Int?
    /// ARM error code, e.g. `SkuNotAvailable`, `OperationNotAllowed`, `ZonalAllocationFailed`.
    public var code: String
    public var message: String
    public var details: [ARMError]

    public init(status: Int?, code: String, message: String, details: [ARMError] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
    }

    /// Codes of this error and of all its details, outermost first.
    public var allCodes: [String] { [code] + details.flatMap(\.allCodes) }

    /// Messages of this error and of all its details, outermost first.
    public var allMessages: [String] { [message] + details.flatMap(\.allMessages) }

    public var description: String {
        let prefix = status.map { "ARM \($0) " } ?? "ARM operation failed: "
        return "\(prefix)\(code): \(message)"
    }

    /// Parses an ARM error body; a body that is not one becomes code `HTTP<status>` with the text.
    public static func from(status: Int?, body: [UInt8]) -> ARMError {
        if let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(body)) {
            return envelope.error.armError(status: status)
        }
        let text = String(decoding: body.prefix(512), as: UTF8.self)
        return ARMError(status: status, code: status.map { "HTTP\($0)" } ?? "Unknown", message: text)
    }

    private struct Envelope: Decodable {
        var error: ARMErrorBody
    }
}
