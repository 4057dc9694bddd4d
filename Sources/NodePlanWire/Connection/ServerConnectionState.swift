import NIOCore

/// The server's side of one connection's protocol rules (docs/protocol.md §6), with no I/O and no
/// clock: feed it the frames the decoder produces and the events of serving, and carry out the
/// actions it returns in order.
///
/// It enforces the hello-first authentication, strictly increasing stream ids, the concurrent
/// stream limit, cancellation, ping answers and GOAWAY draining. Timers (keepalive pings,
/// deadlines) belong to the caller.
public struct ServerConnectionState: Sendable {
    public enum Phase: Hashable, Sendable {
        /// Waiting for the client's hello; nothing else is accepted.
        case awaitingHello
        /// Authenticated and serving.
        case open
        /// GOAWAY sent: streams up to the last accepted id finish, new ones are refused.
        case draining
        /// Closed; every later event is ignored.
        case closed
    }

    public private(set) var phase: Phase = .awaitingHello
    /// Streams being served.
    public private(set) var activeStreams: Set<UInt32> = []
    /// The highest stream id the client has used.
    public private(set) var lastStreamID: UInt32 = 0

    /// Nil accepts any token (authentication off).
    private let token: BearerToken?
    private let serverName: String
    private let limits: FrameLimits
    private let maxConcurrentStreams: Int
    private let keepaliveIntervalMilliseconds: UInt32

    public init(token: BearerToken?, serverName: String, limits: FrameLimits = .default, maxConcurrentStreams: Int = 64,
                keepaliveIntervalMilliseconds: UInt32 = 30_000) {
        self.token = token
        self.serverName = serverName
        self.limits = limits
        self.maxConcurrentStreams = maxConcurrentStreams
        self.keepaliveIntervalMilliseconds = keepaliveIntervalMilliseconds
    }

    /// A frame from the client.
    public mutating func received(_ frame: Frame) -> [ServerConnectionAction] {
        switch phase {
        case .closed: return []
        case .awaitingHello: return receivedHello(frame)
        case .open, .draining: break
        }
        switch frame.type {
        case .request:
            return receivedRequest(frame)
        case .cancel:
            return activeStreams.remove(frame.streamID) == nil ? [] : [.cancel(streamID: frame.streamID)]
        case .ping:
            return [.send(.pong(answering: frame))]
        case .pong:
            return [.pongReceived(frame.payload.getInteger(at: frame.payload.readerIndex, as: UInt64.self) ?? 0)]
        case .error where frame.streamID == 0:
            phase = .closed
            return [.close]
        case .error:
            return activeStreams.remove(frame.streamID) == nil ? [] : [.cancel(streamID: frame.streamID)]
        case .hello, .response, .goAway:
            return fail(.invalidArgument, "client sent a \(frame.type) frame after the hello")
        }
    }

    /// A stream's response or error has been sent, or its cancellation is complete.
    public mutating func streamFinished(_ streamID: UInt32) -> [ServerConnectionAction] {
        activeStreams.remove(streamID)
        if phase == .draining && activeStreams.isEmpty {
            phase = .closed
            return [.close]
        }
        return []
    }

    /// Starts draining: GOAWAY naming the last accepted stream; the connection closes once the
    /// streams in flight are finished.
    public mutating func drain(message: String) -> [ServerConnectionAction] {
        guard phase == .open else { return phase == .awaitingHello ? closeNow() : [] }
        phase = .draining
        var actions: [ServerConnectionAction] = []
        if let goAway = try? Frame.goAway(lastStreamID: lastStreamID, code: .unavailable, message: message) {
            actions.append(.send(goAway))
        }
        if activeStreams.isEmpty {
            phase = .closed
            actions.append(.close)
        }
        return actions
    }

    /// A framing violation found by the decoder: report it on stream 0 and close.
    public mutating func failed(_ error: FrameError) -> [ServerConnectionAction] {
        guard phase != .closed else { return [] }
        return fail(error.statusCode, error.description)
    }

    private mutating func receivedHello(_ frame: Frame) -> [ServerConnectionAction] {
        guard frame.type == .hello else {
            return fail(.unauthenticated, "the first frame must be HELLO, got \(frame.type)")
        }
        guard let hello = try? frame.message(as: Nodeplan_V1_Hello.self, maxDecompressedBytes: limits.maxDecompressedBytes) else {
            return fail(.unauthenticated, "HELLO payload is not a nodeplan.v1.Hello")
        }
        guard hello.protocolVersion == UInt32(Frame.protocolVersion) else {
            return fail(.unimplemented, "protocol version \(hello.protocolVersion) not supported (server speaks \(Frame.protocolVersion))")
        }
        if let token, !token.matches(hello.token) { return fail(.unauthenticated, "invalid token") }
        guard let ack = try? Frame.helloAck(server: serverName, limits: limits,
                                            maxConcurrentStreams: UInt32(clamping: maxConcurrentStreams),
                                            keepaliveIntervalMilliseconds: keepaliveIntervalMilliseconds)
        else { return fail(.internal, "cannot encode HelloAck") }
        phase = .open
        return [.send(ack)]
    }

    private mutating func receivedRequest(_ frame: Frame) -> [ServerConnectionAction] {
        let streamID = frame.streamID
        guard streamID > lastStreamID else {
            return fail(.invalidArgument, "stream id \(streamID) is not above the last one used (\(lastStreamID))")
        }
        if phase == .draining {
            return [.send(.error(WireError(.unavailable, "server is draining; retry on another connection"),
                                 streamID: streamID, method: frame.method))]
        }
        lastStreamID = streamID
        guard activeStreams.count < maxConcurrentStreams else {
            return [.send(.error(WireError(.resourceExhausted, "more than \(maxConcurrentStreams) concurrent streams"),
                                 streamID: streamID, method: frame.method))]
        }
        activeStreams.insert(streamID)
        return [.serve(frame)]
    }

    private mutating func fail(_ code: StatusCode, _ message: String) -> [ServerConnectionAction] {
        phase = .closed
        activeStreams.removeAll()
        return [.send(.error(WireError(code, message))), .close]
    }

    private mutating func closeNow() -> [ServerConnectionAction] {
        phase = .closed
        return [.close]
    }
}
