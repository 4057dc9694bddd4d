import NIOCore
import NIOHTTP1
import NIOPosix
import NodePlanAgent

/// HTTP/1.1 on loopback: each connection serves requests in turn; a watch streams chunked JSON lines
/// until its feed ends, then closes the connection.
struct SimulatorHTTPServer {
    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    let router: SimulatorRouter
    let store: ObjectStore

    func bind(host: String, port: Int, group: any EventLoopGroup) async throws -> NIOAsyncChannel<any Channel, Never> {
        // Accepted connections are wrapped in their handler task, not here: a connection accepted
        // while the server closes never reaches a handler, and NIO treats an async channel dropped
        // unfinished as a programming error. Reading waits (autoRead off) until the wrapper is in
        // place, so no request bytes are lost before it.
        try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.autoRead, value: false)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return channel
                }
            }
    }

    /// Accepts connections until the server channel closes or the task is cancelled.
    func serve(_ server: NIOAsyncChannel<any Channel, Never>) async throws {
        try await withThrowingDiscardingTaskGroup { group in
            try await server.executeThenClose { channels in
                for try await channel in channels {
                    group.addTask { try? await handle(Self.wrap(channel)) }
                }
            }
        }
    }

    /// Wraps an accepted connection and starts reading from it.
    private static func wrap(_ channel: any Channel) async throws -> Connection {
        try await channel.eventLoop.submit {
            let connection = try Connection(wrappingChannelSynchronously: channel)
            try channel.syncOptions?.setOption(.autoRead, value: true)
            return connection
        }.get()
    }

    private func handle(_ connection: Connection) async throws {
        try await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body: [UInt8] = []
            for try await part in inbound {
                switch part {
                case .head(let requestHead):
                    head = requestHead
                    body = []
                case .body(let buffer):
                    body.append(contentsOf: buffer.readableBytesView)
                case .end:
                    guard let request = head else { return }
                    let response = router.respond(method: request.method.rawValue, uri: request.uri,
                                                  authorization: request.headers.first(name: "authorization"), body: body)
                    switch response {
                    case .json(let status, let document, let extraHeaders):
                        var headers = HTTPHeaders([("Content-Type", "application/json")] + extraHeaders)
                        let bytes = document.serialized
                        headers.add(name: "Content-Length", value: String(bytes.count))
                        if !request.isKeepAlive { headers.add(name: "Connection", value: "close") }
                        try await outbound.write(.head(HTTPResponseHead(version: request.version,
                                                                        status: HTTPResponseStatus(statusCode: status),
                                                                        headers: headers)))
                        try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: bytes))))
                        try await outbound.write(.end(nil))
                        if !request.isKeepAlive { return }
                    case .watch(let id, let feed):
                        defer { store.stopWatch(id) }
                        try await outbound.write(.head(HTTPResponseHead(
                            version: request.version, status: .ok,
                            headers: ["Content-Type": "application/json", "Transfer-Encoding": "chunked"])))
                        for await item in feed {
                            switch item {
                            case .line(let line): try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: line))))
                            case .drop: return
                            }
                        }
                        try await outbound.write(.end(nil))
                        return
                    }
                }
            }
        }
    }
}
