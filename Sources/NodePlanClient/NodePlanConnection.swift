import NIOCore
import NIOPosix
import NIOSSL
import NodePlanWire

/// One authenticated connection to a nodeplan server, carrying many concurrent calls.
///
/// Cancelling the calling task sends CANCEL for its stream, which stops the server's work on it.
/// After GOAWAY or a broken connection `isUsable` turns false; `NodePlanClient` then opens another.
public final class NodePlanConnection: Sendable {
    /// What the server announced in its HELLO: limits and keepalive.
    public let serverHello: Nodeplan_V1_HelloAck
    private let channel: any Channel
    private let streams: ClientStreams
    private let maxDecompressedBytes: Int

    private init(channel: any Channel, streams: ClientStreams, serverHello: Nodeplan_V1_HelloAck,
                 maxDecompressedBytes: Int) {
        self.channel = channel
        self.streams = streams
        self.serverHello = serverHello
        self.maxDecompressedBytes = maxDecompressedBytes
    }

    /// Connects and authenticates with `token`, over TLS when `tls` is given.
    ///
    /// - Throws: `WireError` with `.unauthenticated` for a rejected token (or the server's other
    ///   reason, e.g. that it requires TLS), `.invalidArgument` for an unusable CA file, `.unavailable`
    ///   when the TLS handshake fails, or the connect error when nothing listens.
    public static func connect(host: String, port: Int, token: String, clientName: String = "nodeplan-swift",
                               compression: PayloadCompression = PayloadCompression(),
                               maxDecompressedBytes: Int = FrameLimits.default.maxDecompressedBytes,
                               tls: ClientTLS? = nil,
                               group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> NodePlanConnection {
        let streams = try ClientStreams(token: token, client: clientName, compression: compression)
        let tlsContext = try tls?.makeContext()
        let serverHostname = tls?.hostname(connectingTo: host)
        let eventLoop = group.next()
        let handshake = eventLoop.makePromise(of: Nodeplan_V1_HelloAck.self)
        let connecting = ClientBootstrap(group: eventLoop)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tlsContext {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: tlsContext, serverHostname: serverHostname))
                    }
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(FrameDecoder(maxPayloadBytes: Int(UInt32.max))),
                        MessageToByteHandler(FrameEncoder(maxPayloadBytes: Int(UInt32.max))),
                        ClientConnectionHandler(streams: streams, handshake: handshake),
                    ])
                }
            }
            .connect(host: host, port: port)
        let channel: any Channel
        do {
            channel = try await connecting.get()
        } catch {
            handshake.fail(error)
            throw error
        }
        do {
            let ack = try await handshake.futureResult.get()
            return NodePlanConnection(channel: channel, streams: streams, serverHello: ack,
                                      maxDecompressedBytes: maxDecompressedBytes)
        } catch {
            try? await channel.close()
            throw error
        }
    }

    /// False once the server sent GOAWAY or the connection broke: new calls would fail with UNAVAILABLE.
    public var isUsable: Bool { streams.isUsable && channel.isActive }

    /// Calls `request`'s method and waits for its response.
    ///
    /// - Parameter deadline: how long the server may take; it answers DEADLINE_EXCEEDED and stops
    ///   the work when it passes. Nil for none.
    /// - Throws: `WireError` as the server reported it (or UNAVAILABLE when the connection went
    ///   away first), `CancellationError` when the task was cancelled.
    public func call(_ request: WireRequest, deadline: Duration? = nil) async throws -> WireResponse {
        let streams = self.streams
        let channel = self.channel
        // Serialized and compressed here, on the caller's task; only numbering happens under the lock.
        let frame = try request.frame(streamID: 1, deadlineMilliseconds: deadline.map(Self.milliseconds) ?? 0,
                                      compression: streams.compression)
        let call = streams.newCall()
        // The server answers DEADLINE_EXCEEDED itself; this local timer only covers a server that
        // has gone silent without closing the connection.
        let expiry = deadline.map { deadline in
            channel.eventLoop.scheduleTask(in: .nanoseconds(Self.nanoseconds(deadline + Self.deadlineGrace))) {
                let error = WireError(.deadlineExceeded, "no answer from the server within \(deadline + Self.deadlineGrace)")
                Self.perform(streams.cancel(call, with: error), on: channel)
            }
        }
        defer { expiry?.cancel() }
        let reply: Frame = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                streams.start(call, frame, continuation) { frame in
                    channel.writeAndFlush(frame).whenFailure { _ in
                        // The handler learns of the broken connection and fails the call.
                        channel.close(promise: nil)
                    }
                }
            }
        } onCancel: {
            Self.perform(streams.cancel(call), on: channel)
        }
        return try WireResponse(frame: reply, podCount: request.snapshotPodCount, maxDecompressedBytes: maxDecompressedBytes)
    }

    /// Carries out connection-level actions from outside the event loop (cancelling a call).
    private static func perform(_ actions: [ClientConnectionAction], on channel: any Channel) {
        for action in actions {
            switch action {
            case .send(let frame): channel.writeAndFlush(frame, promise: nil)
            case .close: channel.close(promise: nil)
            case .ready, .response, .failed, .pongReceived: break
            }
        }
    }

    /// Closes the connection; calls still waiting fail with UNAVAILABLE.
    public func close() async {
        try? await channel.close()
    }

    /// How long past its deadline a call waits for the server's own DEADLINE_EXCEEDED.
    static let deadlineGrace = Duration.seconds(2)

    /// Whole milliseconds of `duration`, at least 1 (0 would mean "no deadline").
    private static func milliseconds(_ duration: Duration) -> UInt32 {
        UInt32(clamping: max(1, nanoseconds(duration) / 1_000_000))
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds.multipliedReportingOverflow(by: 1_000_000_000).overflow
            ? .max : seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

extension WireRequest {
    /// Pods in the request's snapshot, for checking the indices of the plan that comes back.
    var snapshotPodCount: Int? {
        switch self {
        case .solve(let snapshot), .plan(let snapshot), .consolidate(let snapshot), .validate(let snapshot, _):
            snapshot.pods.count
        case .health, .serverInfo:
            nil
        }
    }
}
