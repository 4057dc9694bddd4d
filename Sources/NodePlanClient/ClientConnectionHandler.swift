import NIOCore
import NIOSSL
import NodePlanWire

/// Feeds the server's frames to the connection's `ClientStreams` and carries out the
/// connection-level actions: the handshake result, frames to send, closing.
final class ClientConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = Frame
    typealias OutboundOut = Frame

    private let streams: ClientStreams
    private let handshake: EventLoopPromise<Nodeplan_V1_HelloAck>

    init(streams: ClientStreams, handshake: EventLoopPromise<Nodeplan_V1_HelloAck>) {
        self.streams = streams
        self.handshake = handshake
    }

    func channelActive(context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(streams.helloFrame), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        perform(streams.received(unwrapInboundIn(data)), context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        handshake.fail(WireError(.unavailable, "the connection closed"))
        perform(streams.connectionClosed(), context: context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let frameError = error as? FrameError {
            perform(streams.failed(frameError), context: context)
        } else {
            let reason = error is NIOSSLError || error is BoringSSLError ? "TLS handshake failed" : "connection error"
            handshake.fail(WireError(.unavailable, "\(reason): \(error)"))
            context.close(promise: nil)
        }
    }

    private func perform(_ actions: [ClientConnectionAction], context: ChannelHandlerContext) {
        for action in actions {
            switch action {
            case .send(let frame): context.writeAndFlush(wrapOutboundOut(frame), promise: nil)
            case .ready(let ack): handshake.succeed(ack)
            case .failed(_, let error): handshake.fail(error)  // Stream 0: the connection failed.
            case .close: context.close(promise: nil)
            case .response, .pongReceived: break  // Responses are settled by `ClientStreams`.
            }
        }
    }
}
