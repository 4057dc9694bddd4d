import NIOCore

/// One frame of the nodeplan protocol: a 16-byte header and a payload.
///
/// ```
/// offset size field
///  0     4    payload length N (u32, big-endian), not counting the header
///  4     1    protocol version (1)
///  5     1    frame type (FrameType)
///  6     1    flags (FrameFlags)
///  7     1    method (RPCMethod; 0 when none)
///  8     4    stream id (u32, big-endian; 0 = the connection itself)
/// 12     4    deadline in milliseconds (u32, big-endian; requests only, 0 = none)
/// 16     N    payload
/// ```
public struct Frame: Hashable, Sendable {
    /// The protocol version this build speaks and writes.
    public static let protocolVersion: UInt8 = 1
    /// Bytes before the payload.
    public static let headerSize = 16
    /// Bytes of a ping's (and so a pong's) payload.
    public static let pingPayloadSize = 8

    public var type: FrameType
    public var flags: FrameFlags
    /// The method of a request or response; nil on other frames (an error may name it too).
    public var method: RPCMethod?
    public var streamID: UInt32
    /// Milliseconds the client will wait for the response, measured from when the server reads
    /// the request; 0 means no deadline. Requests only.
    public var deadlineMilliseconds: UInt32
    public var payload: ByteBuffer

    public init(type: FrameType, flags: FrameFlags = [], method: RPCMethod? = nil, streamID: UInt32 = 0,
                deadlineMilliseconds: UInt32 = 0, payload: ByteBuffer = ByteBuffer()) {
        self.type = type
        self.flags = flags
        self.method = method
        self.streamID = streamID
        self.deadlineMilliseconds = deadlineMilliseconds
        self.payload = payload
    }

    /// Checks the rules that tie header fields to the frame type (see docs/protocol.md).
    public func validate(maxPayloadBytes: Int) throws(FrameError) {
        try Frame.validate(type: type, flags: flags, method: method, streamID: streamID,
                           deadlineMilliseconds: deadlineMilliseconds, payloadLength: payload.readableBytes,
                           maxPayloadBytes: maxPayloadBytes)
    }

    /// The header rules, checked by the decoder before it waits for the payload.
    static func validate(type: FrameType, flags: FrameFlags, method: RPCMethod?, streamID: UInt32,
                         deadlineMilliseconds: UInt32, payloadLength: Int, maxPayloadBytes: Int) throws(FrameError) {
        guard payloadLength <= min(maxPayloadBytes, Int(UInt32.max)) else {
            throw FrameError(.payloadTooLarge, "\(type) payload of \(payloadLength) bytes exceeds the limit of \(maxPayloadBytes)")
        }
        guard flags.isSubset(of: .known) else {
            throw FrameError(.invalidFlags, "unknown flag bits 0x\(String(flags.subtracting(.known).rawValue, radix: 16))")
        }
        if deadlineMilliseconds != 0 && type != .request {
            throw FrameError(.invalidDeadline, "\(type) frame carries a deadline; only requests may")
        }
        switch type {
        case .hello, .ping, .pong, .goAway:
            guard streamID == 0 else { throw FrameError(.invalidStream, "\(type) frame on stream \(streamID); must be stream 0") }
            guard method == nil else { throw FrameError(.invalidMethod, "\(type) frame names a method") }
            guard !flags.contains(.endStream) else { throw FrameError(.invalidFlags, "\(type) frame sets END_STREAM") }
        case .request, .response, .cancel:
            guard streamID != 0 else { throw FrameError(.invalidStream, "\(type) frame on stream 0") }
            guard flags.contains(.endStream) else {
                throw FrameError(.invalidFlags, "\(type) frame lacks END_STREAM (one frame per direction in version 1)")
            }
            if type == .cancel {
                guard method == nil else { throw FrameError(.invalidMethod, "cancel frame names a method") }
            } else {
                guard method != nil else { throw FrameError(.invalidMethod, "\(type) frame names no method") }
            }
        case .error:
            guard streamID == 0 || flags.contains(.endStream) else {
                throw FrameError(.invalidFlags, "error frame on stream \(streamID) lacks END_STREAM")
            }
            guard streamID != 0 || !flags.contains(.endStream) else {
                throw FrameError(.invalidFlags, "error frame on stream 0 sets END_STREAM")
            }
        }
        switch type {
        case .ping, .pong:
            guard payloadLength == pingPayloadSize else {
                throw FrameError(.invalidPayload, "\(type) payload is \(payloadLength) bytes; must be \(pingPayloadSize)")
            }
            guard !flags.contains(.compressed) else { throw FrameError(.invalidFlags, "\(type) payload marked compressed") }
        case .cancel:
            guard payloadLength == 0 else { throw FrameError(.invalidPayload, "cancel payload is \(payloadLength) bytes; must be empty") }
            guard !flags.contains(.compressed) else { throw FrameError(.invalidFlags, "cancel payload marked compressed") }
        case .hello, .request, .response, .error, .goAway:
            break
        }
    }
}
