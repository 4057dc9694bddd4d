import NIOCore

/// The client's side of one connection's protocol rules (docs/protocol.md §6), with no I/O and no
/// clock: it sends the hello, numbers calls, matches answers to calls, and handles GOAWAY and
/// connection errors. Feed it the frames the decoder produces; carry out the actions in order.
public struct ClientConnectionState: Sendable {
    public enum Phase: Hashable, Sendable {
        /// Hello sent, waiting for the server's answer.
        case awaitingHelloAck
        /// Authenticated: calls may start.
        case open
        /// The server sent GOAWAY: calls in flight finish, no new ones start.
        case draining
        case closed
    }

    public private(set) var phase: Phase = .awaitingHelloAck
    /// Calls sent and not yet answered.
    public private(set) var pendingStreams: Set<UInt32> = []
    /// The server's limits, known once the connection is open.
    public private(set) var serverHello: Nodeplan_V1_HelloAck?
    private var lastStreamID: UInt32 = 0

    /// Starts a connection; send the returned hello frame first.
    public init(token: String, client: String) throws(WireError) {
        helloFrame = try Frame.hello(token: token, client: client)
    }

    /// The first frame to write on the connection.
    public let helloFrame: Frame

    /// The `REQUEST` frame for a new call, on a fresh stream id. Throws `UNAVAILABLE` when the
    /// connection cannot take calls (not open yet, draining, closed), `RESOURCE_EXHAUSTED` when the
    /// server's stream or frame-size limit would be exceeded.
    public mutating func startCall(_ request: WireRequest, deadlineMilliseconds: UInt32 = 0,
                                   compression: PayloadCompression = PayloadCompression()) throws(WireError) -> Frame {
        _ = try checkCallCanStart()
        return try startCall(encoded: request.frame(streamID: lastStreamID + 1, deadlineMilliseconds: deadlineMilliseconds,
                                                    compression: compression))
    }

    /// The same for a `REQUEST` frame the caller encoded beforehand with any stream id (it gets
    /// the next one), so that a caller sharing this state under a lock can serialize and compress
    /// the request, the expensive part, outside it.
    public mutating func startCall(encoded request: Frame) throws(WireError) -> Frame {
        guard request.type == .request, request.method != nil else {
            throw WireError(.internal, "startCall(encoded:) needs a REQUEST frame, got \(request.type)")
        }
        let serverHello = try checkCallCanStart()
        let streamID = lastStreamID + 1
        var frame = request
        frame.streamID = streamID
        do {
            try frame.validate(maxPayloadBytes: Int(serverHello.maxFramePayloadBytes))
        } catch {
            throw WireError(.resourceExhausted, error.message)
        }
        lastStreamID = streamID
        pendingStreams.insert(streamID)
        return frame
    }

    /// The server's limits, when a call may start now.
    private func checkCallCanStart() throws(WireError) -> Nodeplan_V1_HelloAck {
        guard phase == .open, let serverHello else {
            throw WireError(.unavailable, "connection is \(phase), not open")
        }
        guard pendingStreams.count < Int(serverHello.maxConcurrentStreams) else {
            throw WireError(.resourceExhausted, "the server allows \(serverHello.maxConcurrentStreams) concurrent calls")
        }
        guard lastStreamID < UInt32.max else { throw WireError(.unavailable, "stream ids exhausted; open a new connection") }
        return serverHello
    }

    /// Abandons a call: the `CANCEL` frame to send (nothing if the call already ended).
    public mutating func cancel(streamID: UInt32) -> [ClientConnectionAction] {
        guard pendingStreams.remove(streamID) != nil else { return [] }
        return [.send(.cancel(streamID: streamID))] + closeIfDrained()
    }

    /// A frame from the server.
    public mutating func received(_ frame: Frame) -> [ClientConnectionAction] {
        switch (phase, frame.type) {
        case (.closed, _):
            return []
        case (.awaitingHelloAck, .hello):
            guard let ack = try? frame.message(as: Nodeplan_V1_HelloAck.self) else {
                return fail(WireError(.invalidArgument, "HELLO payload is not a nodeplan.v1.HelloAck"))
            }
            serverHello = ack
            phase = .open
            return [.ready(ack)]
        case (_, .error) where frame.streamID == 0:
            let error = (try? frame.error()) ?? WireError(.unknown, "unreadable connection error")
            return failAll(error) + [.close]
        case (.awaitingHelloAck, _):
            return fail(WireError(.invalidArgument, "server sent \(frame.type) before answering the hello"))
        case (_, .response):
            guard pendingStreams.remove(frame.streamID) != nil else { return [] }
            return [.response(frame)] + closeIfDrained()
        case (_, .error):
            guard pendingStreams.remove(frame.streamID) != nil else { return [] }
            // An unreadable error payload still ends the call, with the reason it was unreadable.
            let reported: WireError
            do { reported = try frame.error() } catch { reported = error }
            return [.failed(streamID: frame.streamID, reported)] + closeIfDrained()
        case (_, .ping):
            return [.send(.pong(answering: frame))]
        case (_, .pong):
            return [.pongReceived(frame.payload.getInteger(at: frame.payload.readerIndex, as: UInt64.self) ?? 0)]
        case (_, .goAway):
            return receivedGoAway(frame)
        case (_, .hello), (_, .request), (_, .cancel):
            return fail(WireError(.invalidArgument, "server sent a \(frame.type) frame"))
        }
    }

    /// A framing violation in what the server sent: report it, fail every call, close.
    public mutating func failed(_ error: FrameError) -> [ClientConnectionAction] {
        guard phase != .closed else { return [] }
        return fail(WireError(error))
    }

    /// The connection ended without a GOAWAY: every call in flight fails with `UNAVAILABLE`.
    public mutating func connectionClosed() -> [ClientConnectionAction] {
        guard phase != .closed else { return [] }
        return failAll(WireError(.unavailable, "connection closed"))
    }

    private mutating func receivedGoAway(_ frame: Frame) -> [ClientConnectionAction] {
        let goAway = (try? frame.message(as: Nodeplan_V1_GoAway.self)) ?? Nodeplan_V1_GoAway()
        phase = .draining
        var actions: [ClientConnectionAction] = []
        for streamID in pendingStreams.sorted() where streamID > goAway.lastStreamID {
            pendingStreams.remove(streamID)
            actions.append(.failed(streamID: streamID,
                                   WireError(.unavailable, "not processed before GOAWAY (\(goAway.message)); retry elsewhere")))
        }
        return actions + closeIfDrained()
    }

    private mutating func closeIfDrained() -> [ClientConnectionAction] {
        guard phase == .draining, pendingStreams.isEmpty else { return [] }
        phase = .closed
        return [.close]
    }

    /// A protocol error on the server's part: tell it, fail every call, close.
    private mutating func fail(_ error: WireError) -> [ClientConnectionAction] {
        [.send(.error(error))] + failAll(error) + [.close]
    }

    private mutating func failAll(_ error: WireError) -> [ClientConnectionAction] {
        phase = .closed
        let failed = pendingStreams.sorted().map { ClientConnectionAction.failed(streamID: $0, error) }
        pendingStreams.removeAll()
        return [.failed(streamID: 0, error)] + failed
    }
}

extension ClientConnectionState.Phase: CustomStringConvertible {
    public var description: String {
        switch self {
        case .awaitingHelloAck: "awaiting the server's hello"
        case .open: "open"
        case .draining: "draining"
        case .closed: "closed"
        }
    }
}
