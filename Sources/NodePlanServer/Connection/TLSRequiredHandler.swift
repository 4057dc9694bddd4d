import NIOCore
import NodePlanWire

/// Sits in front of the TLS handler on a TLS-only port and looks at a connection's first byte: a
/// TLS handshake record (content type 22) passes on, and the handler steps aside. Anything else is
/// a client speaking plain TCP, which gets one plaintext `ERROR` saying TLS is required, instead of
/// a TLS alert it could not read, and is disconnected.
final class TLSRequiredHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// TLS record content type of a handshake (RFC 8446 §5.1).
    private static let handshakeRecord: UInt8 = 22

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        guard let first = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) else { return }
        guard first == Self.handshakeRecord else {
            refuse(context: context)
            return
        }
        context.fireChannelRead(data)
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    private func refuse(context: ChannelHandlerContext) {
        var out = context.channel.allocator.buffer(capacity: 128)
        let error = WireError(.unauthenticated, "this server requires TLS; connect with TLS (a CA file for its certificate)")
        // An error frame on stream 0 always passes the encoder's checks.
        try? FrameEncoder().encode(data: .error(error), out: &out)
        let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(out)).whenComplete { _ in boundContext.value.close(promise: nil) }
    }
}
