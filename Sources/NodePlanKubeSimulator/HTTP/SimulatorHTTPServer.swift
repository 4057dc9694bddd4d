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

    func bind(host: String, port: Int, group: any EventLoopGroup) async throws -> NIOAsyncChannel<Connection, Never> {
        try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try Connection(wrappingChannelSynchronously: channel)
                }
            }
    }

    /// Accepts connections until the server channel closes or the task is cancelled.
    func serve(_ server: NIOAsyncChannel<Connection, Never>) async throws {
        try await withThrowingDiscardingTaskGroup { group in
            try await server.executeThenClose { connections in
                for try await connection in connections {
                    group.addTask { try? await handle(connection) }
                }
            }
        }
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
