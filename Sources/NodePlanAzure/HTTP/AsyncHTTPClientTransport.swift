import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// `HTTPTransport` over swift-server/async-http-client (HTTP/1.1 and HTTP/2, TLS through NIOSSL).
public struct AsyncHTTPClientTransport: HTTPTransport {
    public let client: HTTPClient
    /// Per-request deadline.
    public var timeout: TimeAmount
    /// Largest response body accepted; bigger bodies fail the request.
    public var maximumBodyBytes: Int

    public init(client: HTTPClient = .shared, timeout: TimeAmount = .seconds(60), maximumBodyBytes: Int = 64 << 20) {
        self.client = client
        self.timeout = timeout
        self.maximumBodyBytes = maximumBodyBytes
    }

    public func send(_ request: HTTPRequestMessage) async throws -> HTTPResponseMessage {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(outgoing, timeout: timeout)
        let body = try await response.body.collect(upTo: maximumBodyBytes)
        return HTTPResponseMessage(status: Int(response.status.code),
                                   headers: response.headers.map { ($0.name, $0.value) },
                                   body: Array(body.readableBytesView))
    }
}
