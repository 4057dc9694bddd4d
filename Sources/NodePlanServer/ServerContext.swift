import Atomics
import Logging
import NodePlanWire

/// What every connection of one server shares: settings, the solve pool, the method handlers,
/// metrics, and whether the server is draining.
final class ServerContext: Sendable {
    let configuration: ServerConfiguration
    let pool: SolvePool
    let handlers: MethodHandlers
    let metrics: ServerMetrics
    let logger: Logger
    /// The ServerInfo answer (constant for the server's life).
    let info: Nodeplan_V1_ServerInfoResponse
    let compression: PayloadCompression
    /// Nil when authentication is off.
    let token: BearerToken?
    private let draining = ManagedAtomic(false)

    init(configuration: ServerConfiguration, handlers: MethodHandlers, metrics: ServerMetrics, logger: Logger,
         info: Nodeplan_V1_ServerInfoResponse) {
        self.configuration = configuration
        pool = SolvePool(workers: configuration.solveWorkers, queueCapacity: configuration.solveQueueCapacity)
        self.handlers = handlers
        self.metrics = metrics
        self.logger = logger
        self.info = info
        compression = PayloadCompression(minimumBytes: configuration.compressionThreshold)
        token = configuration.token.map(BearerToken.init)
    }

    /// True once shutdown has begun.
    var isDraining: Bool { draining.load(ordering: .relaxed) }

    func beginDraining() { draining.store(true, ordering: .relaxed) }
}
