import Dispatch
import Logging
import NIOCore
import NodePlanWire

/// One client connection: authenticates the HELLO, multiplexes request streams onto the solve pool,
/// enforces deadlines, stream and size limits, answers pings, pings idle peers, and drains on GOAWAY.
///
/// Sits after the frame decoder and encoder; all state lives on the channel's event loop. Stream
/// errors end one stream; connection errors send ERROR on stream 0 and close.
final class ConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = Frame
    typealias OutboundOut = Frame

    private enum Phase {
        case awaitingHello
        case open
        /// GOAWAY sent: no new streams, close when the last one finishes.
        case draining
        case closing
    }

    private struct OpenStream {
        let method: RPCMethod
        let cancellation: SolveCancellation
        let receivedAt: UInt64
        var deadlineTimer: Scheduled<Void>?
    }

    private let server: ServerContext
    private var logger: Logger
    private var phase = Phase.awaitingHello
    private var streams: [UInt32: OpenStream] = [:]
    private var highestStreamID: UInt32 = 0
    private var connectedAt = NIODeadline.now()
    private var lastFrameAt = NIODeadline.now()
    private var lastStreamActivityAt = NIODeadline.now()
    private var pingOutstanding = false
    private var timer: Scheduled<Void>?
    /// Completes when the most recent frame has been written; closing waits for it.
    private var lastWrite: EventLoopFuture<Void>?

    init(server: ServerContext, logger: Logger) {
        self.server = server
        self.logger = logger
    }

    private var configuration: ServerConfiguration { server.configuration }

    // MARK: Channel events

    func channelActive(context: ChannelHandlerContext) {
        connectedAt = .now()
        lastFrameAt = connectedAt
        lastStreamActivityAt = connectedAt
        server.metrics.connections.increment()
        logger.debug("connection opened")
        scheduleTick(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        for (_, stream) in streams { abandon(stream, reason: .cancelled) }
        streams.removeAll()
        phase = .closing
        server.metrics.connections.decrement()
        logger.debug("connection closed")
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        lastFrameAt = .now()
        pingOutstanding = false
        switch (phase, frame.type) {
        case (.closing, _):
            return
        case (.awaitingHello, .hello):
            acceptHello(frame, context: context)
        case (.awaitingHello, _):
            failConnection(WireError(.unauthenticated, "the first frame must be HELLO, got \(frame.type)"), context: context)
        case (_, .hello):
            failConnection(WireError(.invalidArgument, "HELLO sent twice"), context: context)
        case (_, .request):
            openStream(frame, context: context)
        case (_, .cancel):
            cancelStream(frame.streamID, context: context)
        case (_, .ping):
            send(context, .pong(answering: frame))
        case (_, .pong):
            break
        case (_, .error):
            logger.info("client reported an error", metadata: ["stream": "\(frame.streamID)"])
            if frame.streamID == 0 { context.close(promise: nil) }
        case (_, .response), (_, .goAway):
            failConnection(WireError(.invalidArgument, "clients do not send \(frame.type) frames"), context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let frameError = error as? FrameError {
            logger.info("framing error, closing the connection", metadata: ["error": "\(frameError)"])
            failConnection(WireError(frameError), context: context)
        } else {
            logger.debug("connection error", metadata: ["error": "\(error)"])
            phase = .closing
            context.close(promise: nil)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event as? ConnectionEvent {
        case .goAway?:
            goAway(WireError(.unavailable, "the server is shutting down"), context: context)
        case .abort?:
            for (streamID, stream) in streams {
                abandon(stream, reason: .shuttingDown)
                writeError(WireError(.shuttingDown), streamID: streamID, method: stream.method, context: context)
            }
            streams.removeAll()
            closeWhenFlushed(context: context)
        case nil:
            context.fireUserInboundEventTriggered(event)
        }
    }

    // MARK: Handshake

    private func acceptHello(_ frame: Frame, context: ChannelHandlerContext) {
        let hello: Nodeplan_V1_Hello
        do {
            hello = try frame.message(as: Nodeplan_V1_Hello.self, maxDecompressedBytes: 64 << 10)
        } catch {
            failConnection(error, context: context)
            return
        }
        guard server.token.matches(hello.token) else {
            server.metrics.failed(.unauthenticated)
            logger.notice("rejected a connection with a missing or wrong token", metadata: ["client": "\(hello.client)"])
            failConnection(WireError(.unauthenticated, "missing or invalid token"), context: context)
            return
        }
        guard hello.protocolVersion == UInt32(Frame.protocolVersion) else {
            failConnection(WireError(.unimplemented,
                                     "protocol version \(hello.protocolVersion) not supported (this server speaks \(Frame.protocolVersion))"),
                           context: context)
            return
        }
        logger[metadataKey: "client"] = "\(hello.client)"
        do {
            send(context, try server.helloAck())
            phase = .open
        } catch {
            failConnection(error, context: context)
        }
    }

    // MARK: Streams

    private func openStream(_ frame: Frame, context: ChannelHandlerContext) {
        let streamID = frame.streamID
        guard streamID > highestStreamID else {
            failConnection(WireError(.invalidArgument,
                                     "stream id \(streamID) is not above the highest used so far (\(highestStreamID))"),
                           context: context)
            return
        }
        guard let method = frame.method else { return }  // The decoder guarantees a method on requests.
        server.metrics.requestReceived(method)
        guard phase == .open else {
            refuse(WireError(.unavailable, "the server is draining; retry on a new connection"), streamID, method, context)
            return
        }
        highestStreamID = streamID
        lastStreamActivityAt = .now()
        guard streams.count < configuration.maxConcurrentStreams else {
            refuse(WireError(.resourceExhausted,
                             "\(streams.count) streams already open on this connection (limit \(configuration.maxConcurrentStreams))"),
                   streamID, method, context)
            return
        }
        switch method {
        case .health:
            answerInline(.health(server.isDraining ? .draining : .serving), streamID, context)
            return
        case .serverInfo:
            answerInline(.serverInfo(server.info), streamID, context)
            return
        case .solve, .plan, .consolidate, .validate:
            break
        }
        let receivedAt = DispatchTime.now().uptimeNanoseconds
        let deadline = deadline(of: frame)
        let cancellation = SolveCancellation(deadline: deadline.map { DispatchTime(uptimeNanoseconds: receivedAt + UInt64($0.nanoseconds)) })
        var stream = OpenStream(method: method, cancellation: cancellation, receivedAt: receivedAt)
        if let deadline {
            let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
            let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
            stream.deadlineTimer = context.eventLoop.scheduleTask(in: deadline) {
                handler.value.deadlinePassed(streamID, context: boundContext.value)
            }
        }
        guard submit(frame, cancellation, context: context) else {
            stream.deadlineTimer?.cancel()
            refuse(WireError(.resourceExhausted,
                             "the solve pool is saturated (\(server.pool.workers) running, \(server.pool.queueCapacity) queued); retry later"),
                   streamID, method, context)
            return
        }
        streams[streamID] = stream
        server.metrics.inFlight.increment()
    }

    /// The request's deadline: its own, else the server default.
    private func deadline(of frame: Frame) -> TimeAmount? {
        frame.deadlineMilliseconds > 0 ? .milliseconds(Int64(frame.deadlineMilliseconds)) : configuration.defaultDeadline
    }

    /// Queues decoding, solving and encoding of `frame` on the pool; false when the pool is full.
    private func submit(_ frame: Frame, _ cancellation: SolveCancellation, context: ChannelHandlerContext) -> Bool {
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
        let eventLoop = context.eventLoop
        let server = self.server
        let submitted = server.pool.submit {
            let result = Self.serve(frame, cancellation: cancellation, server: server)
            server.metrics.poolLoad.decrement()
            eventLoop.execute { handler.value.finish(frame.streamID, result, context: boundContext.value) }
        }
        if submitted { server.metrics.poolLoad.increment() }
        return submitted
    }

    /// The whole off-loop part of a request: decode, check the token, respond, encode.
    private static func serve(_ frame: Frame, cancellation: SolveCancellation, server: ServerContext) -> Result<Frame, WireError> {
        Result { () throws(WireError) -> Frame in
            if let reason = cancellation.reason { throw WireError(reason) }
            let request = try WireRequest(frame: frame, maxDecompressedBytes: server.configuration.frameLimits.maxDecompressedBytes)
            let response = try server.handlers.respond(to: request, cancellation: cancellation)
            if let reason = cancellation.reason { throw WireError(reason) }
            return try response.frame(streamID: frame.streamID, compression: server.compression)
        }
    }

    /// A pool job's result arrives; written unless the stream already ended (deadline, cancel).
    private func finish(_ streamID: UInt32, _ result: Result<Frame, WireError>, context: ChannelHandlerContext) {
        guard let stream = streams.removeValue(forKey: streamID) else { return }
        stream.deadlineTimer?.cancel()
        switch result {
        case .success(let frame):
            send(context, frame)
            streamEnded(streamID, stream, status: .ok, context: context)
        case .failure(let error):
            writeError(error, streamID: streamID, method: stream.method, context: context)
            streamEnded(streamID, stream, status: error.code, detail: error.description, context: context)
        }
    }

    private func deadlinePassed(_ streamID: UInt32, context: ChannelHandlerContext) {
        guard let stream = streams.removeValue(forKey: streamID) else { return }
        stream.cancellation.cancel(.deadlineExceeded)
        writeError(WireError(.deadlineExceeded), streamID: streamID, method: stream.method, context: context)
        streamEnded(streamID, stream, status: .deadlineExceeded, context: context)
    }

    private func cancelStream(_ streamID: UInt32, context: ChannelHandlerContext) {
        guard let stream = streams.removeValue(forKey: streamID) else { return }  // Already answered.
        stream.cancellation.cancel(.cancelled)
        stream.deadlineTimer?.cancel()
        server.metrics.failed(.cancelled)
        streamEnded(streamID, stream, status: .cancelled, context: context)
    }

    /// Bookkeeping and the request log line once a stream has ended.
    private func streamEnded(_ streamID: UInt32, _ stream: OpenStream, status: StatusCode, detail: String? = nil,
                             context: ChannelHandlerContext) {
        let elapsed = DispatchTime.now().uptimeNanoseconds - stream.receivedAt
        server.metrics.inFlight.decrement()
        server.metrics.requestFinished(stream.method, nanoseconds: elapsed)
        var metadata: Logger.Metadata = [
            "stream": "\(streamID)", "method": "\(stream.method.metricName)", "status": "\(status)",
            "ms": "\(Double(elapsed / 1000) / 1000)",
        ]
        if let detail { metadata["error"] = "\(detail)" }
        logger.debug("request finished", metadata: metadata)
        lastStreamActivityAt = .now()
        closeIfDrained(context: context)
    }

    /// Stops a stream's work without answering it.
    private func abandon(_ stream: OpenStream, reason: SolveCancellation.Reason) {
        stream.cancellation.cancel(reason)
        stream.deadlineTimer?.cancel()
        server.metrics.inFlight.decrement()
    }

    private func answerInline(_ response: WireResponse, _ streamID: UInt32, _ context: ChannelHandlerContext) {
        do {
            send(context, try response.frame(streamID: streamID, compression: server.compression))
        } catch {
            writeError(error, streamID: streamID, method: response.method, context: context)
        }
    }

    /// Ends a stream that never started.
    private func refuse(_ error: WireError, _ streamID: UInt32, _ method: RPCMethod, _ context: ChannelHandlerContext) {
        writeError(error, streamID: streamID, method: method, context: context)
    }

    private func writeError(_ error: WireError, streamID: UInt32, method: RPCMethod?, context: ChannelHandlerContext) {
        server.metrics.failed(error.code)
        send(context, .error(error, streamID: streamID, method: method))
    }

    // MARK: Connection lifecycle

    /// Reports `error` on stream 0 and closes; in-flight streams are abandoned.
    private func failConnection(_ error: WireError, context: ChannelHandlerContext) {
        guard phase != .closing else { return }
        for (_, stream) in streams { abandon(stream, reason: .cancelled) }
        streams.removeAll()
        writeError(error, streamID: 0, method: nil, context: context)
        closeWhenFlushed(context: context)
    }

    /// Sends GOAWAY naming the last stream that will be processed; closes once none is open.
    private func goAway(_ reason: WireError, context: ChannelHandlerContext) {
        switch phase {
        case .awaitingHello:
            closeWhenFlushed(context: context)
        case .open:
            phase = .draining
            if let frame = try? Frame.goAway(lastStreamID: highestStreamID, code: reason.code, message: reason.message) {
                send(context, frame)
            }
            closeIfDrained(context: context)
        case .draining, .closing:
            break
        }
    }

    private func closeIfDrained(context: ChannelHandlerContext) {
        if phase == .draining && streams.isEmpty { closeWhenFlushed(context: context) }
    }

    private func closeWhenFlushed(context: ChannelHandlerContext) {
        guard phase != .closing else { return }
        phase = .closing
        timer?.cancel()
        guard let lastWrite else {
            context.close(promise: nil)
            return
        }
        let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
        lastWrite.whenComplete { _ in boundContext.value.close(promise: nil) }
    }

    private func send(_ context: ChannelHandlerContext, _ frame: Frame) {
        lastWrite = context.writeAndFlush(wrapOutboundOut(frame))
    }

    // MARK: Timers

    /// Checks HELLO, keepalive and idle timeouts at a quarter of the shortest of them.
    private func scheduleTick(context: ChannelHandlerContext) {
        let period = min(configuration.keepaliveInterval, configuration.idleTimeout, configuration.helloTimeout)
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: max(.milliseconds(5), .nanoseconds(period.nanoseconds / 4))) {
            handler.value.tick(context: boundContext.value)
        }
    }

    private func tick(context: ChannelHandlerContext) {
        let now = NIODeadline.now()
        switch phase {
        case .closing:
            return
        case .awaitingHello:
            if now - connectedAt >= configuration.helloTimeout {
                failConnection(WireError(.unauthenticated, "no HELLO within \(configuration.helloTimeout)"), context: context)
                return
            }
        case .open, .draining:
            let silentFor = now - lastFrameAt
            if pingOutstanding && silentFor >= configuration.keepaliveInterval + configuration.keepaliveInterval {
                logger.info("peer did not answer a keepalive ping; closing")
                for (_, stream) in streams { abandon(stream, reason: .cancelled) }
                streams.removeAll()
                phase = .closing
                context.close(promise: nil)
                return
            }
            if !pingOutstanding && silentFor >= configuration.keepaliveInterval {
                pingOutstanding = true
                send(context, .ping(now.uptimeNanoseconds))
            }
            if phase == .open && streams.isEmpty && now - lastStreamActivityAt >= configuration.idleTimeout {
                goAway(WireError(.ok, "idle for \(configuration.idleTimeout)"), context: context)
                if phase == .closing { return }
            }
        }
        scheduleTick(context: context)
    }
}
