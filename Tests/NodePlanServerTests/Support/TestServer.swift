import Logging
import NodePlanCatalog
import NodePlanClient
import NodePlanServer
import NodePlanWire

/// A real server on 127.0.0.1 with free ports, for one test.
struct TestServer {
    static let token = "test-token-5f2c9a"
    /// The built-in catalog, loaded once for every test.
    static let resolver: InstanceTypeResolver = {
        do { return try InstanceTypeResolver.builtIn() } catch { fatalError("built-in catalog: \(error)") }
    }()

    let server: SolverServer
    let addresses: ServerAddresses

    var port: Int { addresses.port }

    /// Starts a server; `configure` adjusts the test defaults (short timeouts, two workers). Without
    /// `logger`, the server logs warnings and worse to standard error.
    static func start(engine: SolveEngine = .standard, logger: Logger? = nil,
                      _ configure: (inout ServerConfiguration) -> Void = { _ in }) async throws -> TestServer {
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0, metricsPort: 0, token: token,
                                                solveWorkers: 2, drainTimeout: .seconds(10))
        configure(&configuration)
        var defaultLogger = Logger(label: "nodeplan.server.test")
        defaultLogger.logLevel = .warning
        let logger = logger ?? defaultLogger
        let server = try SolverServer(configuration: configuration, resolver: resolver, engine: engine, logger: logger)
        return TestServer(server: server, addresses: try await server.start())
    }

    /// A client with `connections` pooled connections, over TLS when `tls` is given.
    func client(connections: Int = 1, tls: ClientTLS? = nil) -> NodePlanClient {
        NodePlanClient(host: "127.0.0.1", port: port, token: Self.token, connections: connections, tls: tls)
    }

    /// One authenticated connection.
    func connection() async throws -> NodePlanConnection {
        try await NodePlanConnection.connect(host: "127.0.0.1", port: port, token: Self.token)
    }

    func stop() async { await server.shutdown() }

    /// The current value of the `nodeplan_requests_in_flight` gauge.
    func requestsInFlight() -> Int? {
        var exposition: [UInt8] = []
        server.registry.emit(into: &exposition)
        let line = String(decoding: exposition, as: UTF8.self).split(separator: "\n")
            .first { $0.hasPrefix("nodeplan_requests_in_flight ") }
        return line.flatMap { Double($0.split(separator: " ").last ?? "").map { Int($0) } }
    }
}
