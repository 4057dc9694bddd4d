/// A frame that breaks the framing rules. Every such error is fatal to the connection: the peer
/// sends an `ERROR` frame on stream 0 with `statusCode` and closes.
public struct FrameError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// Byte 4 is not a protocol version this build speaks.
        case unsupportedVersion
        /// Byte 5 names no frame type.
        case unknownType
        /// Byte 6 has bits version 1 does not define, or flags the frame type does not allow.
        case invalidFlags
        /// Byte 7 names no method, or a method where none belongs (or none where one must be).
        case invalidMethod
        /// The stream id is 0 where a stream is needed, or not 0 on a connection-level frame.
        case invalidStream
        /// A deadline on a frame other than a request.
        case invalidDeadline
        /// The declared payload length exceeds the limit.
        case payloadTooLarge
        /// The payload has the wrong size for the frame type.
        case invalidPayload
        /// The connection ended in the middle of a frame.
        case truncated
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "frame: \(message)" }

    /// The status code the receiver reports before closing the connection.
    public var statusCode: StatusCode {
        switch kind {
        case .unsupportedVersion: .unimplemented
        case .payloadTooLarge: .resourceExhausted
        case .unknownType, .invalidFlags, .invalidMethod, .invalidStream, .invalidDeadline, .invalidPayload, .truncated:
            .invalidArgument
        }
    }
}
