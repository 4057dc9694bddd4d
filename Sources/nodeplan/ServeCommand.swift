import ArgumentParser
import Foundation
import Logging
import NIOCore
import NodePlanCatalog
import NodePlanServer
import NodePlanWire
import ServiceLifecycle

/// `nodeplan serve`: the solver service for in-cluster agents.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve Solve, Plan, Validate, Health and ServerInfo over the nodeplan frame protocol.",
        discussion: """
        The bearer token is read from --token-file or the NODEPLAN_TOKEN environment variable (never from \
        the command line, where other users could see it). Without a token the server only starts on a \
        loopback interface (--host 127.0.0.1), unless --insecure-no-auth says to serve anyone. SIGTERM or SIGINT sends GOAWAY to every client, \
        lets in-flight requests finish for up to --drain-timeout seconds, then exits. Prometheus metrics \
        are served at http://HOST:METRICS-PORT/metrics. With --tls-cert and --tls-key the frame protocol \
        is served over TLS only. See docs/server.md.
        """
    )

    @Option(name: .long, help: "Interface to listen on.")
    var host = "0.0.0.0"

    @Option(name: .long, help: "Port of the frame protocol.")
    var port = 7433

    @Option(name: .long, help: "Port of the Prometheus /metrics endpoint (0 disables it).")
    var metricsPort = 9433

    @OptionGroup var token: TokenOptions

    @Flag(name: .long, help: "Serve without a token on an interface other than loopback: anyone who can reach the port may use it.")
    var insecureNoAuth = false

    @Option(name: .long, help: "Largest frame payload accepted, in bytes.")
    var maxFrameBytes = FrameLimits.default.maxPayloadBytes

    @Option(name: .long, help: "Largest decompressed message accepted, in bytes.")
    var maxMessageBytes = FrameLimits.default.maxDecompressedBytes

    @Option(name: .long, help: "Concurrent requests per connection.")
    var maxStreams = 256

    @Option(name: .long, help: "Solves running at once (default: one per core).")
    var workers = System.coreCount

    @Option(name: .long, help: "Solves waiting for a worker before requests are refused with RESOURCE_EXHAUSTED.")
    var queue = 256

    @Option(name: .long, help: "Seconds of silence before a connection is pinged.")
    var keepalive = 30

    @Option(name: .long, help: "Seconds without requests before a connection is closed.")
    var idleTimeout = 300

    @Option(name: .long, help: "Seconds shutdown waits for in-flight requests.")
    var drainTimeout = 30

    @Option(name: .long, help: "Deadline in milliseconds for requests that carry none (0: none).")
    var defaultDeadline = 0

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    @Option(name: .long, help: "PEM certificate chain: serve the frame protocol over TLS (needs --tls-key).")
    var tlsCert: String?

    @Option(name: .long, help: "PEM private key of --tls-cert.")
    var tlsKey: String?

    func run() async throws {
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("--log-level: unknown level '\(logLevel)'")
        }
        let token = try self.token.readIfGiven()
        guard (tlsCert == nil) == (tlsKey == nil) else {
            throw ValidationError("--tls-cert and --tls-key go together: give both or neither")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "nodeplan.server")
        var configuration = ServerConfiguration(
            host: host, port: port, metricsPort: metricsPort == 0 ? nil : metricsPort, token: token,
            frameLimits: FrameLimits(maxPayloadBytes: maxFrameBytes, maxDecompressedBytes: maxMessageBytes),
            maxConcurrentStreams: maxStreams, solveWorkers: workers, solveQueueCapacity: queue,
            keepaliveInterval: .seconds(Int64(keepalive)), idleTimeout: .seconds(Int64(idleTimeout)),
            drainTimeout: .seconds(Int64(drainTimeout)),
            defaultDeadline: defaultDeadline > 0 ? .milliseconds(Int64(defaultDeadline)) : nil,
            insecureNoAuth: insecureNoAuth)
        if let tlsCert, let tlsKey {
            configuration.tls = ServerTLS(certificateChainFile: tlsCert, privateKeyFile: tlsKey)
        }
        let server: SolverServer
        do {
            server = try SolverServer(configuration: configuration, resolver: try InstanceTypeResolver.builtIn(), logger: logger)
        } catch let error as WireError {
            throw ValidationError("--\(Self.flag(for: error.fieldPath)): \(error.message)")
        }
        if token == nil {
            logger.warning("authentication is off: any client that reaches the port may use the solver", metadata: ["host": "\(host)"])
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: server)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// The command-line flag behind a `ServerConfiguration` field.
    private static func flag(for field: String) -> String {
        switch field {
        case "frameLimits.maxPayloadBytes": "max-frame-bytes"
        case "frameLimits.maxDecompressedBytes": "max-message-bytes"
        case "maxConcurrentStreams": "max-streams"
        case "solveWorkers": "workers"
        case "solveQueueCapacity": "queue"
        case "keepaliveInterval": "keepalive"
        case "metricsPort": "metrics-port"
        case "token": "token-file"
        case "tls.certificateChainFile": "tls-cert"
        case "tls.privateKeyFile": "tls-key"
        default: field.isEmpty ? "serve" : field.replacingOccurrences(of: ".", with: "-").lowercased()
        }
    }
}
