import NIOCore
import NIOHTTP1
import NIOPosix

/// HTTP/1.1 to one API server over SwiftNIO.
///
/// Plain HTTP only so far: a configuration with scheme https (every real API server) is refused with
/// `HTTPTransportError.tlsUnavailable` until swift-nio-ssl is added (docs/agent.md, "Not done yet").
///
/// Built on NIOHTTP1 directly rather than async-http-client: the agent needs only one host, a handful of
/// verbs and long-lived chunked watch bodies read line by line, while async-http-client would add HTTP/2,
/// transport services and tracing packages to every build (minutes on a 2-core CI) for features the agent
/// does not use. Each request uses its own connection (`Connection: close`), so a slow watch never blocks a
/// write and a broken connection affects one request only.
public struct HTTPTransport: Sendable {
    private typealias Connection = NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>

    public let configuration: KubeConfiguration
    private let group: any EventLoopGroup
    private let connectTimeout: TimeAmount

    public init(configuration: KubeConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                connectTimeout: TimeAmount = .seconds(10)) throws {
        self.configuration = configuration
        self.group = group
        self.connectTimeout = connectTimeout
        guard !configuration.usesTLS else { throw HTTPTransportError.tlsUnavailable }
    }

    /// Sends one request and reads the whole response.
    public func send(method: HTTPMethod, path: String, contentType: String? = nil,
                     body: [UInt8]? = nil) async throws -> HTTPResponse {
        var response = HTTPResponse(status: 0, headers: [], body: [])
        try await exchange(method: method, path: path, contentType: contentType, body: body) { head in
            response.status = Int(head.status.code)
            response.headers = head.headers.map { ($0.name, $0.value) }
        } onBody: { chunk in
            response.body.append(contentsOf: chunk.readableBytesView)
        }
        return response
    }

    /// Sends a GET and hands the body to `onBody` chunk by chunk as it arrives (a watch); returns when the
    /// server ends the body, throws when the connection breaks or the task is cancelled.
    public func stream(path: String, onHead: (HTTPResponseHead) throws -> Void,
                       onBody: (ByteBuffer) async throws -> Void) async throws {
        try await exchange(method: .GET, path: path, contentType: nil, body: nil, onHead: onHead, onBody: onBody)
    }

    private func exchange(method: HTTPMethod, path: String, contentType: String?, body: [UInt8]?,
                          onHead: (HTTPResponseHead) throws -> Void,
                          onBody: (ByteBuffer) async throws -> Void) async throws {
        let connection = try await connect()
        try await connection.executeThenClose { inbound, outbound in
            var headers = HTTPHeaders([("Host", configuration.host), ("Accept", "application/json"),
                                       ("User-Agent", "nodeplan-agent"), ("Connection", "close")])
            if let token = configuration.token { headers.add(name: "Authorization", value: "Bearer \(token)") }
            if let contentType { headers.add(name: "Content-Type", value: contentType) }
            headers.add(name: "Content-Length", value: String(body?.count ?? 0))
            try await outbound.write(.head(HTTPRequestHead(version: .http1_1, method: method, uri: path, headers: headers)))
            if let body, !body.isEmpty { try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body)))) }
            try await outbound.write(.end(nil))
            var ended = false
            for try await part in inbound {
                switch part {
                case .head(let head): try onHead(head)
                case .body(let chunk): try await onBody(chunk)
                case .end:
                    ended = true
                }
                if ended { break }
            }
            guard ended else { throw HTTPTransportError.connectionClosed(path: path) }
        }
    }

    /// Connects, then wraps the channel for async use. Wrapping only after the connection is up means no
    /// wrapper is ever created for a connection that fails or whose task is cancelled while connecting
    /// (NIO requires every wrapper to be used).
    private func connect() async throws -> Connection {
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(connectTimeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHTTPClientHandlers() }
            }
            .connect(host: configuration.host, port: configuration.port).get()
        return try await channel.eventLoop.submit { try Connection(wrappingChannelSynchronously: channel) }.get()
    }
}

/// Transport failures below HTTP.
public enum HTTPTransportError: Error, Hashable, Sendable, CustomStringConvertible {
    case connectionClosed(path: String)
    case tlsUnavailable

    public var description: String {
        switch self {
        case .connectionClosed(let path): "the connection closed before the response to \(path) ended"
        case .tlsUnavailable: "https API servers need TLS, which this build lacks"
        }
    }
}
