/// Sends one HTTP request and returns the whole response.
///
/// The ARM, token and retail-price clients talk through this so that retries, polling and auth stay
/// independent of the HTTP library; `AsyncHTTPClientTransport` is the production implementation.
public protocol HTTPTransport: Sendable {
    /// Sends `request`; throws only when no response arrived (connection, TLS, timeout).
    func send(_ request: HTTPRequestMessage) async throws -> HTTPResponseMessage
}
