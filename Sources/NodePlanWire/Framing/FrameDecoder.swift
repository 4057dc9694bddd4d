import NIOCore

/// Splits a byte stream into frames, validating each header before waiting for its payload so an
/// oversized or malformed frame is rejected without buffering it.
///
/// Use it in a channel pipeline as `ByteToMessageHandler(FrameDecoder(maxPayloadBytes:))`, or
/// feed it a buffer directly with `decode(buffer:)`. Every error is fatal to the connection.
public struct FrameDecoder: NIOSingleStepByteToMessageDecoder, Sendable {
    public typealias InboundOut = Frame

    public let maxPayloadBytes: Int

    public init(maxPayloadBytes: Int = FrameLimits.default.maxPayloadBytes) {
        self.maxPayloadBytes = maxPayloadBytes
    }

    /// The next whole frame in `buffer` (consumed), or nil until enough bytes have arrived.
    public mutating func decode(buffer: inout ByteBuffer) throws(FrameError) -> Frame? {
        let start = buffer.readerIndex
        guard buffer.readableBytes >= Frame.headerSize,
              let length = buffer.getInteger(at: start, as: UInt32.self),
              let version = buffer.getInteger(at: start + 4, as: UInt8.self),
              let typeByte = buffer.getInteger(at: start + 5, as: UInt8.self),
              let flagBits = buffer.getInteger(at: start + 6, as: UInt8.self),
              let methodByte = buffer.getInteger(at: start + 7, as: UInt8.self),
              let streamID = buffer.getInteger(at: start + 8, as: UInt32.self),
              let deadline = buffer.getInteger(at: start + 12, as: UInt32.self)
        else { return nil }

        guard version == Frame.protocolVersion else {
            throw FrameError(.unsupportedVersion, "protocol version \(version) not supported (this peer speaks \(Frame.protocolVersion))")
        }
        guard let type = FrameType(rawValue: typeByte) else { throw FrameError(.unknownType, "unknown frame type \(typeByte)") }
        var method: RPCMethod?
        if methodByte != 0 {
            guard let known = RPCMethod(rawValue: methodByte) else { throw FrameError(.invalidMethod, "unknown method \(methodByte)") }
            method = known
        }
        let payloadLength = Int(length)
        let flags = FrameFlags(rawValue: flagBits)
        try Frame.validate(type: type, flags: flags, method: method, streamID: streamID, deadlineMilliseconds: deadline,
                           payloadLength: payloadLength, maxPayloadBytes: maxPayloadBytes)

        guard buffer.readableBytes >= Frame.headerSize + payloadLength else { return nil }
        buffer.moveReaderIndex(forwardBy: Frame.headerSize)
        let payload = buffer.readSlice(length: payloadLength)!
        return Frame(type: type, flags: flags, method: method, streamID: streamID, deadlineMilliseconds: deadline,
                     payload: payload)
    }

    /// At end of input: the last whole frame, or an error if bytes of an incomplete frame remain.
    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws(FrameError) -> Frame? {
        if let frame = try decode(buffer: &buffer) { return frame }
        guard buffer.readableBytes == 0 else {
            throw FrameError(.truncated, "input ended inside a frame (\(buffer.readableBytes) bytes of an incomplete frame)")
        }
        return nil
    }
}
