/// The ports a started server listens on (useful when the configuration asked for port 0).
public struct ServerAddresses: Hashable, Sendable {
    /// The solver protocol port.
    public var port: Int
    /// The Prometheus `/metrics` port; nil when metrics are not served.
    public var metricsPort: Int?
}
