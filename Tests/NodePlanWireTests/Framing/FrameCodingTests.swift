import NIOCore
import NodePlanWire
import Testing

@Suite struct FrameCodingTests {
    private func encode(_ frames: [Frame], maxPayloadBytes: Int = 1 << 20) throws -> ByteBuffer {
        var buffer = ByteBuffer()
        let encoder = FrameEncoder(maxPayloadBytes: maxPayloadBytes)
        for frame in frames { try encoder.encode(data: frame, out: &buffer) }
        return buffer
    }

    private func decodeAll(_ buffer: ByteBuffer, maxPayloadBytes: Int = 1 << 20) throws -> [Frame] {
        var buffer = buffer
        var decoder = FrameDecoder(maxPayloadBytes: maxPayloadBytes)
        var frames: [Frame] = []
        while let frame = try decoder.decode(buffer: &buffer) { frames.append(frame) }
        #expect(try decoder.decodeLast(buffer: &buffer, seenEOF: true) == nil)
        return frames
    }

    private var sampleFrames: [Frame] {
        [
            Frame(type: .hello, payload: ByteBuffer(string: "hello")),
            Frame(type: .request, flags: [.endStream, .compressed], method: .solve, streamID: 1,
                  deadlineMilliseconds: 30_000, payload: ByteBuffer(bytes: [1, 2, 3])),
            Frame(type: .response, flags: .endStream, method: .validate, streamID: 7, payload: ByteBuffer()),
            Frame(type: .error, flags: .endStream, method: .plan, streamID: 9, payload: ByteBuffer(string: "x")),
            Frame(type: .error, payload: ByteBuffer(string: "bye")),
            .cancel(streamID: 3),
            .ping(0x0102_0304_0506_0708),
            .pong(answering: .ping(42)),
            Frame(type: .goAway, payload: ByteBuffer(string: "drain")),
        ]
    }

    @Test func headerLayoutIsByteExact() throws {
        let frame = Frame(type: .request, flags: .endStream, method: .consolidate, streamID: 0x0102_0304,
                          deadlineMilliseconds: 0x0A0B_0C0D, payload: ByteBuffer(bytes: [0xEE, 0xFF]))
        let bytes = Array(try encode([frame]).readableBytesView)
        #expect(bytes == [0, 0, 0, 2, 1, 2, 2, 2, 1, 2, 3, 4, 0x0A, 0x0B, 0x0C, 0x0D, 0xEE, 0xFF])
    }

    @Test func everyFrameTypeRoundTrips() throws {
        let frames = sampleFrames
        #expect(try decodeAll(encode(frames)) == frames)
    }

    @Test func decodesWhenBytesArriveOneAtATime() throws {
        let frames = sampleFrames
        let encoded = Array(try encode(frames).readableBytesView)
        var decoder = FrameDecoder()
        var buffer = ByteBuffer()
        var decoded: [Frame] = []
        for byte in encoded {
            buffer.writeInteger(byte)
            while let frame = try decoder.decode(buffer: &buffer) { decoded.append(frame) }
        }
        #expect(decoded == frames)
    }

    @Test func truncatedFrameIsRejectedAtEndOfInput() throws {
        var buffer = try encode([Frame.ping(1)])
        buffer.moveWriterIndex(to: buffer.writerIndex - 3)
        var decoder = FrameDecoder()
        #expect(try decoder.decode(buffer: &buffer) == nil)
        let error = try #require(throws: FrameError.self) { try decoder.decodeLast(buffer: &buffer, seenEOF: true) }
        #expect(error.kind == .truncated)
        #expect(error.description == "frame: input ended inside a frame (21 bytes of an incomplete frame)")
    }

    @Test func oversizePayloadIsRejectedFromTheHeaderAlone() throws {
        var header = ByteBuffer()
        header.writeInteger(UInt32(1 << 20 + 1))
        header.writeBytes([1, FrameType.request.rawValue, FrameFlags.endStream.rawValue, RPCMethod.solve.rawValue])
        header.writeInteger(UInt32(1))
        header.writeInteger(UInt32(0))
        var decoder = FrameDecoder(maxPayloadBytes: 1 << 20)
        let error = try #require(throws: FrameError.self) { try decoder.decode(buffer: &header) }
        #expect(error.kind == .payloadTooLarge)
        #expect(error.statusCode == .resourceExhausted)
        #expect(error.message == "REQUEST payload of 1048577 bytes exceeds the limit of 1048576")
    }

    @Test func encoderRefusesOversizePayload() {
        let frame = Frame(type: .hello, payload: ByteBuffer(bytes: [UInt8](repeating: 0, count: 11)))
        #expect(throws: FrameError(.payloadTooLarge, "HELLO payload of 11 bytes exceeds the limit of 10")) {
            try encode([frame], maxPayloadBytes: 10)
        }
    }

    @Test func wrongVersionIsRejected() throws {
        var buffer = try encode([Frame.ping(1)])
        buffer.setInteger(UInt8(2), at: buffer.readerIndex + 4)
        var decoder = FrameDecoder()
        let error = try #require(throws: FrameError.self) { try decoder.decode(buffer: &buffer) }
        #expect(error.kind == .unsupportedVersion)
        #expect(error.statusCode == .unimplemented)
        #expect(error.message == "protocol version 2 not supported (this peer speaks 1)")
    }

    @Test func foreignProtocolIsRejected() throws {
        var buffer = ByteBuffer(string: "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        var decoder = FrameDecoder()
        let error = try #require(throws: FrameError.self) { try decoder.decode(buffer: &buffer) }
        #expect(error.kind == .unsupportedVersion)
    }

    @Test func malformedHeadersAreRejected() throws {
        func rejection(_ patch: (inout ByteBuffer, Int) -> Void, of frame: Frame = .cancel(streamID: 5)) throws -> FrameError {
            var buffer = try encode([frame])
            patch(&buffer, buffer.readerIndex)
            var decoder = FrameDecoder()
            return try #require(throws: FrameError.self) { try decoder.decode(buffer: &buffer) }
        }
        #expect(try rejection { $0.setInteger(UInt8(9), at: $1 + 5) }.message == "unknown frame type 9")
        #expect(try rejection { $0.setInteger(UInt8(0x06), at: $1 + 6) }.message == "unknown flag bits 0x4")
        #expect(try rejection { $0.setInteger(UInt8(7), at: $1 + 7) }.message == "unknown method 7")
        #expect(try rejection { $0.setInteger(UInt8(1), at: $1 + 7) }.message == "cancel frame names a method")
        #expect(try rejection { $0.setInteger(UInt32(0), at: $1 + 8) }.message == "CANCEL frame on stream 0")
        #expect(try rejection { $0.setInteger(UInt32(10), at: $1 + 12) }.message
            == "CANCEL frame carries a deadline; only requests may")
        #expect(try rejection({ $0.setInteger(UInt32(4), at: $1 + 8) }, of: .ping(1)).message
            == "PING frame on stream 4; must be stream 0")
        #expect(try rejection({ $0.setInteger(UInt8(0), at: $1 + 7) },
                              of: Frame(type: .request, flags: .endStream, method: .health, streamID: 1)).message
            == "REQUEST frame names no method")
        #expect(try rejection({ $0.setInteger(UInt8(0), at: $1 + 6) },
                              of: Frame(type: .response, flags: .endStream, method: .health, streamID: 1)).message
            == "RESPONSE frame lacks END_STREAM (one frame per direction in version 1)")
    }

    @Test func encoderRefusesFramesThatBreakTheRules() {
        #expect(throws: FrameError.self) { try encode([Frame(type: .ping, payload: ByteBuffer(bytes: [1]))]) }
        #expect(throws: FrameError.self) { try encode([Frame(type: .request, flags: .endStream, streamID: 1)]) }
        #expect(throws: FrameError.self) { try encode([Frame(type: .hello, streamID: 1)]) }
        #expect(throws: FrameError.self) {
            try encode([Frame(type: .cancel, flags: .endStream, streamID: 1, payload: ByteBuffer(bytes: [0]))])
        }
    }
}
