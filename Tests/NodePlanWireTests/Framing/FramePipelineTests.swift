import NIOCore
import NIOEmbedded
import NodePlanWire
import Testing

/// The decoder and encoder work as channel handlers, the way the server and clients use them.
@Suite struct FramePipelineTests {
    private func channel(maxPayloadBytes: Int = 1 << 20) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder(maxPayloadBytes: maxPayloadBytes)))
        try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(FrameEncoder(maxPayloadBytes: maxPayloadBytes)))
        return channel
    }

    @Test func framesWrittenAreBytesAndBytesReadAreFrames() throws {
        let channel = try channel()
        let request = try WireRequest.solve(WireFixtures.snapshot).frame(streamID: 1, deadlineMilliseconds: 500)
        try channel.writeOutbound(request)
        var wire = ByteBuffer()
        while var chunk = try channel.readOutbound(as: ByteBuffer.self) { wire.writeBuffer(&chunk) }
        #expect(wire.readableBytes == Frame.headerSize + request.payload.readableBytes)

        // Deliver the bytes in two arbitrary pieces, as TCP may.
        let first = wire.readSlice(length: 10)!
        try channel.writeInbound(first)
        #expect(try channel.readInbound(as: Frame.self) == nil)
        try channel.writeInbound(wire)
        let received = try #require(try channel.readInbound(as: Frame.self))
        #expect(received == request)
        #expect(try WireRequest(frame: received) == .solve(WireFixtures.snapshot))
        #expect(try channel.finish().isClean)
    }

    @Test func violationFailsThePipeline() throws {
        let channel = try channel(maxPayloadBytes: 16)
        var header = ByteBuffer()
        header.writeInteger(UInt32(17))
        header.writeBytes([1, FrameType.hello.rawValue, 0, 0])
        header.writeInteger(UInt32(0))
        header.writeInteger(UInt32(0))
        #expect(throws: FrameError.self) { try channel.writeInbound(header) }
        _ = try? channel.finish()
    }

    @Test func connectionClosedMidFrameIsReported() throws {
        let channel = try channel()
        var partial = ByteBuffer()
        try FrameEncoder().encode(data: .ping(7), out: &partial)
        partial.moveWriterIndex(to: partial.writerIndex - 1)
        try channel.writeInbound(partial)
        #expect(throws: FrameError.self) { try channel.finish() }
    }
}
