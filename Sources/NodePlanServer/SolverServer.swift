import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import NodePlanCatalog
import NodePlanWire
import Prometheus
import ServiceLifecycle

/// The nodeplan solver service: the framed protocol on one port, Prometheus `/metrics` on another.
///
/// As a swift-service-lifecycle `Service`, `run()` serves until graceful shutdown (SIGTERM in a
/// `ServiceGroup`), then sends GOAWAY on every connection, lets in-flight streams finish for up to
/// `drainTimeout`, cancels the rest with UNAVAILABLE, and returns. Tests and embedders can call
/// `start()` and `shutdown()` directly instead.
public final class SolverServer: Service, Sendable {
    private struct State {
        var listener: (any Channel)?
        var metricsListener: (any Channel)?
        var connections: [ObjectIdentifier: any Channel] = [:]
        var addresses: ServerAddresses?
        var shuttingDown = false
        var stopped = false
        /// `run()` and later `shutdown()` callers waiting for the first shutdown to finish.
        var waitingForStop: [CheckedContinuation<Void, Never>] = []
    }

    public let configuration: ServerConfiguration
    /// The registry behind `/metrics` (one per server, so tests can run several).
    public let registry: PrometheusCollectorRegistry
    private let context: ServerContext
    /// Built from `configuration.tls` when the server is created, so bad files fail early.
    private let tlsContext: NIOSSLContext?
    private let group: any EventLoopGroup
    private let logger: Logger
    private let state = NIOLockedValueBox(State())

    /// A server over `resolver`'s catalog running `engine`'s planners.
    ///
    /// - Throws: `WireError` with `.invalidArgument` naming the configuration field that is out of
    ///   range, or the TLS file that cannot be used.
    public init(configuration: ServerConfiguration, resolver: InstanceTypeResolver, engine: SolveEngine = .standard,
                logger: Logger = Logger(label: "nodeplan.server"),
                group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) throws(WireError) {
        try configuration.validate()
        tlsContext = try configuration.tls?.makeContext()
        self.configuration = configuration
        self.group = group
        self.logger = logger
        registry = PrometheusCollectorRegistry()
        let metrics = ServerMetrics(factory: ServerMetrics.prometheusFactory(registry: registry))
        var info = Nodeplan_V1_ServerInfoResponse()
        info.version = ServerVersion.current
        info.catalogVersion = ServerVersion.catalogVersion(of: resolver.catalog)
        info.protocolVersions = [UInt32(Frame.protocolVersion)]
        info.methods = RPCMethod.allCases
            .filter { $0 != .consolidate || engine.consolidate != nil }
            .compactMap { Nodeplan_V1_Method(rawValue: Int($0.rawValue)) }
        context = ServerContext(configuration: configuration,
                                handlers: MethodHandlers(engine: engine, instanceTypes: InstanceTypeCache(resolver: resolver),
                                                         metrics: metrics),
                                metrics: metrics, logger: logger, info: info)
    }

    /// Binds both ports and starts accepting connections; returns the ports actually bound.
    /// Calling it again returns the same addresses.
    @discardableResult
    public func start() async throws -> ServerAddresses {
        if let addresses = state.withLockedValue({ $0.addresses }) { return addresses }
        let listener = try await bindSolverPort()
        var metricsListener: (any Channel)?
        if let metricsPort = configuration.metricsPort {
            do {
                metricsListener = try await bindMetricsPort(metricsPort)
            } catch {
                try? await listener.close()
                throw error
            }
        }
        let addresses = ServerAddresses(port: listener.localAddress?.port ?? configuration.port,
                                        metricsPort: metricsListener?.localAddress?.port)
        state.withLockedValue {
            $0.listener = listener
            $0.metricsListener = metricsListener
            $0.addresses = addresses
        }
        logger.info("nodeplan server listening", metadata: [
            "host": "\(configuration.host)", "port": "\(addresses.port)",
            "metricsPort": "\(addresses.metricsPort.map(String.init) ?? "off")",
            "solveWorkers": "\(configuration.solveWorkers)", "catalog": "\(context.info.catalogVersion)",
            "tls": "\(tlsContext != nil)",
        ])
        return addresses
    }

    /// Serves until graceful shutdown or task cancellation, then drains and returns.
    public func run() async throws {
        try await start()
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                await waitUntilStopped()
            } onGracefulShutdown: {
                Task { await self.shutdown() }
            }
        } onCancel: {
            Task { await self.shutdown() }
        }
    }

    /// Stops accepting, sends GOAWAY, waits up to `drainTimeout` for in-flight streams, cancels the
    /// rest and closes everything. Safe to call more than once; later calls wait for the first.
    public func shutdown() async {
        let first = state.withLockedValue { state in
            defer { state.shuttingDown = true }
            return !state.shuttingDown
        }
        guard first else {
            await waitUntilStopped()
            return
        }
        context.beginDraining()
        let (listener, connections) = state.withLockedValue { ($0.listener, Array($0.connections.values)) }
        try? await listener?.close()
        logger.info("shutting down: GOAWAY sent, draining", metadata: ["connections": "\(connections.count)"])
        for connection in connections { connection.pipeline.fireUserInboundEventTriggered(ConnectionEvent.goAway) }
        if await !waitForConnections(within: configuration.drainTimeout) {
            let remaining = state.withLockedValue { Array($0.connections.values) }
            logger.warning("drain timeout passed; cancelling in-flight requests", metadata: ["connections": "\(remaining.count)"])
            for connection in remaining { connection.pipeline.fireUserInboundEventTriggered(ConnectionEvent.abort) }
            if await !waitForConnections(within: .seconds(1)) {
                for connection in state.withLockedValue({ Array($0.connections.values) }) { try? await connection.close() }
            }
        }
        let metricsListener = state.withLockedValue { $0.metricsListener }
        try? await metricsListener?.close()
        logger.info("nodeplan server stopped")
        let waiting = state.withLockedValue { state in
            state.stopped = true
            defer { state.waitingForStop.removeAll() }
            return state.waitingForStop
        }
        for continuation in waiting { continuation.resume() }
    }

    private func waitUntilStopped() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let stopped = state.withLockedValue { state in
                if !state.stopped { state.waitingForStop.append(continuation) }
                return state.stopped
            }
            if stopped { continuation.resume() }
        }
    }

    /// True once every connection has closed, false if `timeout` passed first.
    private func waitForConnections(within timeout: TimeAmount) async -> Bool {
        let deadline = NIODeadline.now() + timeout
        while state.withLockedValue({ !$0.connections.isEmpty }) {
            guard NIODeadline.now() < deadline else { return false }
            try? await Task.sleep(nanoseconds: 5_000_000)
        }
        return true
    }

    private func bindSolverPort() async throws -> any Channel {
        let context = self.context
        let limits = configuration.frameLimits
        let tlsContext = self.tlsContext
        return try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [weak self] channel in
                guard let self, self.register(channel) else { return channel.close() }
                var logger = context.logger
                logger[metadataKey: "peer"] = "\(channel.remoteAddress.map { "\($0)" } ?? "?")"
                return channel.eventLoop.makeCompletedFuture {
                    if let tlsContext {
                        try channel.pipeline.syncOperations.addHandlers([
                            TLSRequiredHandler(), NIOSSLServerHandler(context: tlsContext),
                        ])
                    }
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(FrameDecoder(maxPayloadBytes: limits.maxPayloadBytes)),
                        MessageToByteHandler(FrameEncoder(maxPayloadBytes: Int(UInt32.max))),
                        ConnectionHandler(server: context, logger: logger),
                    ])
                }
            }
            .bind(host: configuration.host, port: configuration.port)
            .get()
    }

    /// Tracks `channel` until it closes; false when the server is already shutting down.
    private func register(_ channel: any Channel) -> Bool {
        let key = ObjectIdentifier(channel)
        let accepted = state.withLockedValue { state in
            guard !state.shuttingDown else { return false }
            state.connections[key] = channel
            return true
        }
        if accepted {
            channel.closeFuture.whenComplete { [weak self] _ in
                _ = self?.state.withLockedValue { $0.connections.removeValue(forKey: key) }
            }
        }
        return accepted
    }

    private func bindMetricsPort(_ port: Int) async throws -> any Channel {
        let registry = self.registry
        return try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(MetricsHTTPHandler(registry: registry))
                }
            }
            .bind(host: configuration.host, port: port)
            .get()
    }
}
