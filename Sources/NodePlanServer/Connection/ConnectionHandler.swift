import Dispatch
import Logging
import NIOCore
import NodePlanWire

/// One client connection: carries out `ServerConnectionState`'s protocol decisions (hello and
/// token, stream ids and limits, cancel, ping, GOAWAY drain) and adds what needs a clock or a
/// thread: solving on the pool, deadlines, keepalive pings, the hello and idle timeouts, metrics.
///
/// Sits after the frame decoder and encoder; everything here runs on the channel's event loop.
final class ConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = Frame
    typealias OutboundOut = Frame

    private struct OpenStream {
        let method: RPCMethod
        let cancellation: SolveCancellation
        let receivedAt: UInt64
        var deadlineTimer: Scheduled<Void>?
    }

    private let server: ServerContext
    private var logger: Logger
    private var protocolState: ServerConnectionState
    /// Streams on the solve pool, with what only this handler tracks about them.
    private var streams: [UInt32: OpenStream] = [:]
    private var closing = false
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
        let configuration = server.configuration
        protocolState = ServerConnectionState(
            token: server.token, serverName: "nodeplan/\(server.info.version)", limits: configuration.frameLimits,
            maxConcurrentStreams: configuration.maxConcurrentStreams,
            keepaliveIntervalMilliseconds: UInt32(clamping: configuration.keepaliveInterval.nanoseconds / 1_000_000))
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
        closing = true
        abandonAll(reason: .cancelled)
        server.metrics.connections.decrement()
        logger.debug("connection closed")
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        lastFrameAt = .now()
        pingOutstanding = false
        if frame.type == .request, let method = frame.method, protocolState.phase != .awaitingHello {
            server.metrics.requestReceived(method)
            lastStreamActivityAt = lastFrameAt
        }
        perform(protocolState.received(frame), context: context)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let frameError = error as? FrameError {
            logger.info("framing error, closing the connection", metadata: ["error": "\(frameError)"])
            perform(protocolState.failed(frameError), context: context)
        } else {
            logger.debug("connection error", metadata: ["error": "\(error)"])
            closeWhenFlushed(context: context)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event as? ConnectionEvent {
        case .goAway?:
            perform(protocolState.drain(message: "the server is shutting down"), context: context)
        case .abort?:
            for (streamID, stream) in streams {
                stream.cancellation.cancel(.shuttingDown)
                writeError(WireError(.shuttingDown), streamID: streamID, method: stream.method, context: context)
            }
            abandonAll(reason: .shuttingDown)
            closeWhenFlushed(context: context)
        case nil:
            context.fireUserInboundEventTriggered(event)
        }
    }

    /// Carries out the protocol state's decisions in order.
    private func perform(_ actions: [ServerConnectionAction], context: ChannelHandlerContext) {
        for action in actions {
            switch action {
            case .send(let frame):
                if frame.type == .error, let error = try? frame.error() {
                    server.metrics.failed(error.code)
                    if error.code == .unauthenticated { logger.notice("client refused", metadata: ["reason": "\(error.message)"]) }
                }
                send(context, frame)
            case .serve(let frame):
                serve(frame, context: context)
            case .cancel(let streamID):
                cancelStream(streamID, context: context)
            case .pongReceived:
                break  // Any frame proves liveness; channelRead already noted it.
            case .close:
                abandonAll(reason: .cancelled)
                closeWhenFlushed(context: context)
            }
        }
    }

    // MARK: Streams

    /// Answers Health and ServerInfo at once; queues the other methods on the solve pool.
    private func serve(_ frame: Frame, context: ChannelHandlerContext) {
        let streamID = frame.streamID
        guard let method = frame.method else { return }  // The decoder guarantees a method on requests.
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
        let cancellation = SolveCancellation(
            deadline: deadline.map { DispatchTime(uptimeNanoseconds: receivedAt + UInt64($0.nanoseconds)) })
        var stream = OpenStream(method: method, cancellation: cancellation, receivedAt: receivedAt)
        guard submit(frame, cancellation, context: context) else {
            writeError(WireError(.resourceExhausted,
                                 "the solve pool is saturated (\(server.pool.workers) running, \(server.pool.queueCapacity) queued); retry later"),
                       streamID: streamID, method: method, context: context)
            perform(protocolState.streamFinished(streamID), context: context)
            return
        }
        if let deadline {
            let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
            let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
            stream.deadlineTimer = context.eventLoop.scheduleTask(in: deadline) {
                handler.value.deadlinePassed(streamID, context: boundContext.value)
            }
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

    /// The client cancelled (or reported an error on) a stream: stop its work, answer nothing.
    private func cancelStream(_ streamID: UInt32, context: ChannelHandlerContext) {
        guard let stream = streams.removeValue(forKey: streamID) else { return }
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
        perform(protocolState.streamFinished(streamID), context: context)
    }

    /// Stops the work of every stream still open, without answering them.
    private func abandonAll(reason: SolveCancellation.Reason) {
        for (_, stream) in streams {
            stream.cancellation.cancel(reason)
            stream.deadlineTimer?.cancel()
            server.metrics.inFlight.decrement()
        }
        streams.removeAll()
    }

    private func answerInline(_ response: WireResponse, _ streamID: UInt32, _ context: ChannelHandlerContext) {
        do {
            send(context, try response.frame(streamID: streamID, compression: server.compression))
        } catch {
            writeError(error, streamID: streamID, method: response.method, context: context)
        }
        perform(protocolState.streamFinished(streamID), context: context)
    }

    private func writeError(_ error: WireError, streamID: UInt32, method: RPCMethod?, context: ChannelHandlerContext) {
        server.metrics.failed(error.code)
        send(context, .error(error, streamID: streamID, method: method))
    }

    private func send(_ context: ChannelHandlerContext, _ frame: Frame) {
        guard !closing else { return }
        lastWrite = context.writeAndFlush(wrapOutboundOut(frame))
    }

    private func closeWhenFlushed(context: ChannelHandlerContext) {
        guard !closing else { return }
        closing = true
        timer?.cancel()
        guard let lastWrite else {
            context.close(promise: nil)
            return
        }
        let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
        lastWrite.whenComplete { _ in boundContext.value.close(promise: nil) }
        // A peer that stopped reading would otherwise hold the connection open behind writes that never drain.
        context.eventLoop.scheduleTask(in: configuration.keepaliveInterval) { boundContext.value.close(promise: nil) }
    }

    // MARK: Timers

    /// Checks the hello, keepalive and idle timeouts at a quarter of the shortest of them.
    private func scheduleTick(context: ChannelHandlerContext) {
        let period = min(configuration.keepaliveInterval, configuration.idleTimeout, configuration.helloTimeout)
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: max(.milliseconds(5), .nanoseconds(period.nanoseconds / 4))) {
            handler.value.tick(context: boundContext.value)
        }
    }

    private func tick(context: ChannelHandlerContext) {
        guard !closing else { return }
        let now = NIODeadline.now()
        switch protocolState.phase {
        case .closed:
            return
        case .awaitingHello:
            if now - connectedAt >= configuration.helloTimeout {
                writeError(WireError(.unauthenticated, "no HELLO within \(configuration.helloTimeout)"), streamID: 0,
                           method: nil, context: context)
                closeWhenFlushed(context: context)
                return
            }
        case .open, .draining:
            let silentFor = now - lastFrameAt
            if pingOutstanding && silentFor >= configuration.keepaliveInterval + configuration.keepaliveInterval {
                logger.info("peer did not answer a keepalive ping; closing")
                abandonAll(reason: .cancelled)
                closeWhenFlushed(context: context)
                return
            }
            if !pingOutstanding && silentFor >= configuration.keepaliveInterval {
                pingOutstanding = true
                send(context, .ping(now.uptimeNanoseconds))
            }
            if protocolState.phase == .open && streams.isEmpty && now - lastStreamActivityAt >= configuration.idleTimeout {
                perform(protocolState.drain(message: "idle for \(configuration.idleTimeout)"), context: context)
                if closing { return }
            }
        }
        scheduleTick(context: context)
    }
}
