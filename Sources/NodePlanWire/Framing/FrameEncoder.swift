import NIOCore

/// Writes frames, refusing any that break the framing rules (the peer would reject them anyway).
///
/// Use it in a channel pipeline as `MessageToByteHandler(FrameEncoder(maxPayloadBytes:))`, or
/// call `encode(data:out:)` directly.
public struct FrameEncoder: MessageToByteEncoder, Sendable {
    public typealias OutboundIn = Frame

    /// The peer's limit, from its `HelloAck` (or this side's configuration).
    public let maxPayloadBytes: Int

    public init(maxPayloadBytes: Int = FrameLimits.default.maxPayloadBytes) {
        self.maxPayloadBytes = maxPayloadBytes
    }

    public func encode(data frame: Frame, out: inout ByteBuffer) throws(FrameError) {
        try frame.validate(maxPayloadBytes: maxPayloadBytes)
        out.reserveCapacity(minimumWritableBytes: Frame.headerSize + frame.payload.readableBytes)
        out.writeInteger(UInt32(frame.payload.readableBytes))
        out.writeInteger(Frame.protocolVersion)
        out.writeInteger(frame.type.rawValue)
        out.writeInteger(frame.flags.rawValue)
        out.writeInteger(frame.method?.rawValue ?? 0)
        out.writeInteger(frame.streamID)
        out.writeInteger(frame.deadlineMilliseconds)
        var payload = frame.payload
        out.writeBuffer(&payload)
    }
}
