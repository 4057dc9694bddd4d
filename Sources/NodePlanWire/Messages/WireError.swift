/// A failed stream or connection as the peer reports it: the payload of an `ERROR` frame.
public struct WireError: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: StatusCode
    public var message: String
    /// Path of the offending request field, e.g. `snapshot.pods[12].spec`; empty when not about a field.
    public var fieldPath: String

    public init(_ code: StatusCode, _ message: String, fieldPath: String = "") {
        self.code = code
        self.message = message
        self.fieldPath = fieldPath
    }

    public var description: String {
        fieldPath.isEmpty ? "\(code): \(message)" : "\(code): \(fieldPath): \(message)"
    }

    /// An invalid message, reported with the path of its field below `root` (e.g. "snapshot").
    public init(_ error: ProtoDecodingError, under root: String = "") {
        let nested = root.isEmpty ? error : error.nested(in: root)
        self.init(.invalidArgument, nested.reason, fieldPath: nested.fieldPath)
    }

    /// A payload that could not be decompressed: too large, or not zstd.
    public init(_ error: ZstdError) {
        self.init(error.kind == .tooLarge ? .resourceExhausted : .invalidArgument, error.description)
    }

    /// A framing violation; the connection ends with it.
    public init(_ error: FrameError) {
        self.init(error.statusCode, error.description)
    }

    /// The `nodeplan.v1.Error` message.
    public var proto: Nodeplan_V1_Error {
        var message = Nodeplan_V1_Error()
        message.code = Nodeplan_V1_StatusCode(rawValue: Int(code.rawValue)) ?? .unknown
        message.message = self.message
        message.fieldPath = fieldPath
        return message
    }

    /// The error an `ERROR` frame reports; a code this build does not know reads as UNKNOWN.
    public init(proto: Nodeplan_V1_Error) {
        self.init(StatusCode(rawValue: UInt32(clamping: proto.code.rawValue)) ?? .unknown, proto.message,
                  fieldPath: proto.fieldPath)
    }
}
