import NIOCore
import NodePlanWire

/// Routes the frames of one client connection: HELLO completes the handshake, RESPONSE and ERROR
/// end their stream, GOAWAY and connection errors fail what the server will not answer, PING is
/// answered.
final class ClientConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = Frame
    typealias OutboundOut = Frame

    private let streams: ClientStreams
    private var handshake: EventLoopPromise<Nodeplan_V1_HelloAck>?
    private let maxDecompressedBytes: Int

    init(streams: ClientStreams, handshake: EventLoopPromise<Nodeplan_V1_HelloAck>, maxDecompressedBytes: Int) {
        self.streams = streams
        self.handshake = handshake
        self.maxDecompressedBytes = maxDecompressedBytes
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.type {
        case .hello:
            do {
                handshake?.succeed(try frame.message(as: Nodeplan_V1_HelloAck.self, maxDecompressedBytes: maxDecompressedBytes))
            } catch {
                end(error, context: context)
            }
            handshake = nil
        case .response:
            streams.complete(frame.streamID, with: .success(frame))
        case .error where frame.streamID != 0:
            streams.complete(frame.streamID, with: .failure(reported(frame)))
        case .error:
            end(reported(frame), context: context)
        case .goAway:
            let goAway = (try? frame.message(as: Nodeplan_V1_GoAway.self, maxDecompressedBytes: maxDecompressedBytes))
                ?? Nodeplan_V1_GoAway()
            let reason = WireError(.unavailable, "the server sent GOAWAY (\(goAway.message)); retry on a new connection")
            streams.goAway(lastStreamID: goAway.lastStreamID, reason: reason)
        case .ping:
            context.writeAndFlush(wrapOutboundOut(.pong(answering: frame)), promise: nil)
        case .pong:
            break
        case .request, .cancel:
            end(WireError(.invalidArgument, "servers do not send \(frame.type) frames"), context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        let error = WireError(.unavailable, "the connection closed")
        handshake?.fail(error)
        handshake = nil
        streams.fail(error)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let reason = (error as? FrameError).map { WireError($0) } ?? WireError(.unavailable, "connection error: \(error)")
        end(reason, context: context)
    }

    /// The error an ERROR frame reports (or a description of why it could not be read).
    private func reported(_ frame: Frame) -> WireError {
        do { return try frame.error(maxDecompressedBytes: maxDecompressedBytes) } catch { return error }
    }

    private func end(_ error: WireError, context: ChannelHandlerContext) {
        handshake?.fail(error)
        handshake = nil
        streams.fail(error)
        context.close(promise: nil)
    }
}
