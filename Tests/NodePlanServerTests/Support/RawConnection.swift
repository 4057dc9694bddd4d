import NIOCore
import NIOPosix
import NodePlanWire

/// A bare TCP connection speaking frames by hand, for sending what a well-behaved client never would.
final class RawConnection {
    private final class Collector: ChannelInboundHandler {
        typealias InboundIn = Frame
        let continuation: AsyncStream<Frame>.Continuation
        init(_ continuation: AsyncStream<Frame>.Continuation) { self.continuation = continuation }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) { continuation.yield(unwrapInboundIn(data)) }
        func channelInactive(context: ChannelHandlerContext) { continuation.finish() }
        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            continuation.finish()
            context.close(promise: nil)
        }
    }

    let channel: any Channel
    private var frames: AsyncStream<Frame>.Iterator

    private init(channel: any Channel, frames: AsyncStream<Frame>) {
        self.channel = channel
        self.frames = frames.makeAsyncIterator()
    }

    static func connect(port: Int) async throws -> RawConnection {
        let (stream, continuation) = AsyncStream.makeStream(of: Frame.self)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(FrameDecoder(maxPayloadBytes: Int(UInt32.max))),
                        Collector(continuation),
                    ])
                }
            }
            .connect(host: "127.0.0.1", port: port)
            .get()
        return RawConnection(channel: channel, frames: stream)
    }

    /// Connects and completes the HELLO exchange with the right token.
    static func authenticated(port: Int) async throws -> RawConnection {
        let connection = try await connect(port: port)
        try await connection.send(.hello(token: TestServer.token, client: "raw-test"))
        let ack = await connection.next()
        precondition(ack?.type == .hello, "expected the server's HELLO, got \(String(describing: ack?.type))")
        return connection
    }

    func send(_ frame: Frame) async throws {
        var bytes = ByteBuffer()
        try FrameEncoder(maxPayloadBytes: Int(UInt32.max)).encode(data: frame, out: &bytes)
        try await sendBytes(bytes)
    }

    func sendBytes(_ bytes: ByteBuffer) async throws {
        try await channel.writeAndFlush(bytes)
    }

    /// The next frame from the server, or nil once the connection has closed.
    func next() async -> Frame? { await frames.next() }

    /// The next frame that is not a PING.
    func nextIgnoringPings() async -> Frame? {
        while let frame = await next() {
            if frame.type != .ping { return frame }
        }
        return nil
    }

    /// Waits until the server closes the connection, skipping frames; true when it closed.
    func waitForClose() async -> Bool {
        while await next() != nil {}
        return true
    }

    func close() async { try? await channel.close() }
}
