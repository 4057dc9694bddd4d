import NIOCore
import NodePlanWire

/// Everything a `SolverServer` needs to know before it binds: addresses, the shared token, and the
/// limits it enforces and announces in `HelloAck`.
public struct ServerConfiguration: Sendable {
    /// Interface of the solver port, e.g. `127.0.0.1` or `0.0.0.0`.
    public var host: String
    /// The solver port; 0 picks a free one (see `ServerAddresses`).
    public var port: Int
    /// The Prometheus `/metrics` port on `host`; nil serves no metrics endpoint, 0 picks a free one.
    public var metricsPort: Int?
    /// The bearer token every connection's HELLO must carry; nil turns authentication off, which
    /// `validate()` allows only on a loopback interface or with `insecureNoAuth`.
    public var token: String?
    /// Serve without a token on an interface other than loopback (`--insecure-no-auth`): anyone who can
    /// reach the port can use the solver.
    public var insecureNoAuth: Bool
    /// Largest frame payload and largest decompressed message accepted.
    public var frameLimits: FrameLimits
    /// Streams one connection may have open at once; more are refused with RESOURCE_EXHAUSTED.
    public var maxConcurrentStreams: Int
    /// Solves running at once on the Dispatch pool.
    public var solveWorkers: Int
    /// Solves waiting for a worker; beyond this, requests are refused with RESOURCE_EXHAUSTED.
    public var solveQueueCapacity: Int
    /// Time after which a connection that sent nothing is pinged; a second interval without any
    /// frame closes it.
    public var keepaliveInterval: TimeAmount
    /// Time after which a connection with no open stream is sent GOAWAY and closed.
    public var idleTimeout: TimeAmount
    /// Time a new connection has to send its HELLO.
    public var helloTimeout: TimeAmount
    /// How long shutdown waits for in-flight streams before cancelling them.
    public var drainTimeout: TimeAmount
    /// Deadline applied to requests that carry none; nil leaves them unbounded.
    public var defaultDeadline: TimeAmount?
    /// Responses whose message exceeds this many bytes are sent zstd-compressed.
    public var compressionThreshold: Int
    /// TLS on the solver port; nil serves plain TCP.
    public var tls: ServerTLS? = nil

    public init(host: String = "127.0.0.1", port: Int = 7433, metricsPort: Int? = 9433, token: String?,
                frameLimits: FrameLimits = .default, maxConcurrentStreams: Int = 256,
                solveWorkers: Int = System.coreCount, solveQueueCapacity: Int = 256,
                keepaliveInterval: TimeAmount = .seconds(30), idleTimeout: TimeAmount = .minutes(5),
                helloTimeout: TimeAmount = .seconds(10), drainTimeout: TimeAmount = .seconds(30),
                defaultDeadline: TimeAmount? = nil, compressionThreshold: Int = 16 << 10, insecureNoAuth: Bool = false) {
        self.host = host
        self.port = port
        self.metricsPort = metricsPort
        self.token = token
        self.frameLimits = frameLimits
        self.maxConcurrentStreams = maxConcurrentStreams
        self.solveWorkers = solveWorkers
        self.solveQueueCapacity = solveQueueCapacity
        self.keepaliveInterval = keepaliveInterval
        self.idleTimeout = idleTimeout
        self.helloTimeout = helloTimeout
        self.drainTimeout = drainTimeout
        self.defaultDeadline = defaultDeadline
        self.compressionThreshold = compressionThreshold
        self.insecureNoAuth = insecureNoAuth
    }

    /// Fails with a sentence naming the setting when one is out of range.
    public func validate() throws(WireError) {
        func require(_ condition: Bool, _ field: String, _ reason: String) throws(WireError) {
            if !condition { throw WireError(.invalidArgument, reason, fieldPath: field) }
        }
        if let token {
            try require(!token.isEmpty, "token", "must not be empty")
        } else {
            try require(insecureNoAuth || Self.isLoopback(host), "token",
                        "is required when listening on \(host), which is not a loopback interface "
                            + "(serving without authentication there needs --insecure-no-auth)")
        }
        try require((0...65535).contains(port), "port", "must be within 0...65535, got \(port)")
        if let metricsPort {
            try require((0...65535).contains(metricsPort), "metricsPort", "must be within 0...65535, got \(metricsPort)")
        }
        try require(frameLimits.maxPayloadBytes > 0 && frameLimits.maxPayloadBytes <= Int(UInt32.max),
                    "frameLimits.maxPayloadBytes", "must be within 1...\(UInt32.max)")
        try require(frameLimits.maxDecompressedBytes > 0, "frameLimits.maxDecompressedBytes", "must be positive")
        try require(maxConcurrentStreams > 0, "maxConcurrentStreams", "must be positive")
        try require(solveWorkers > 0, "solveWorkers", "must be positive")
        try require(solveQueueCapacity >= 0, "solveQueueCapacity", "must not be negative")
        try require(keepaliveInterval > .zero, "keepaliveInterval", "must be positive")
        try require(idleTimeout > .zero, "idleTimeout", "must be positive")
        try require(helloTimeout > .zero, "helloTimeout", "must be positive")
        try require(drainTimeout >= .zero, "drainTimeout", "must not be negative")
    }

    /// Whether `host` names only this machine: `localhost`, `::1` or an address in 127.0.0.0/8.
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}

extension ServerConfiguration: CustomStringConvertible {
    /// The settings with the token left out, so a configuration can be logged.
    public var description: String {
        "ServerConfiguration(host: \(host), port: \(port), authentication: \(token == nil ? "off" : "token"), "
            + "frameLimits: \(frameLimits), maxConcurrentStreams: \(maxConcurrentStreams), solveWorkers: \(solveWorkers))"
    }
}
