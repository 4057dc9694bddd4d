import NIOCore
import NIOPosix
import NodePlanWire

/// A peer that accepts any HELLO and then never answers a request, reporting each frame it gets.
struct SilentServer {
    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = Frame
        typealias OutboundOut = Frame
        let received: AsyncStream<Frame>.Continuation
        init(_ received: AsyncStream<Frame>.Continuation) { self.received = received }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let frame = unwrapInboundIn(data)
            received.yield(frame)
            if frame.type == .hello, let ack = try? Frame.helloAck(server: "silent", limits: .default,
                                                                    maxConcurrentStreams: 16, keepaliveIntervalMilliseconds: 0) {
                context.writeAndFlush(wrapOutboundOut(ack), promise: nil)
            }
        }
    }

    let channel: any Channel
    let received: AsyncStream<Frame>

    var port: Int { channel.localAddress?.port ?? 0 }

    static func start() async throws -> SilentServer {
        let (received, continuation) = AsyncStream.makeStream(of: Frame.self)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(FrameDecoder()),
                        MessageToByteHandler(FrameEncoder()),
                        Handler(continuation),
                    ])
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return SilentServer(channel: channel, received: received)
    }

    func stop() async { try? await channel.close() }
}
