import NIOCore
import NIOPosix

/// The raw HTTP/1.1 response to `GET path` on 127.0.0.1:`port` (status line, headers and body).
func httpGet(port: Int, path: String) async throws -> String {
    final class Collector: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        var received = ByteBuffer()
        let promise: EventLoopPromise<String>
        init(_ promise: EventLoopPromise<String>) { self.promise = promise }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            received.writeBuffer(&buffer)
        }
        func channelInactive(context: ChannelHandlerContext) { promise.succeed(String(buffer: received)) }
        func errorCaught(context: ChannelHandlerContext, error: any Error) { promise.fail(error) }
    }
    let eventLoop = MultiThreadedEventLoopGroup.singleton.next()
    let promise = eventLoop.makePromise(of: String.self)
    let channel: any Channel
    do {
        channel = try await ClientBootstrap(group: eventLoop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Collector(promise)) }
            }
            .connect(host: "127.0.0.1", port: port)
            .get()
    } catch {
        promise.fail(error)
        throw error
    }
    try await channel.writeAndFlush(ByteBuffer(string: "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"))
    return try await promise.futureResult.get()
}
