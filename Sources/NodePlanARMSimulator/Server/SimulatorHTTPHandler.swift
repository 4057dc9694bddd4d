import NIOCore
import NIOHTTP1

/// Collects one HTTP request at a time and answers it with the simulator's in-memory handler.
final class SimulatorHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let respond: @Sendable (SimulatorRequest) -> SimulatorResponse
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(respond: @escaping @Sendable (SimulatorRequest) -> SimulatorResponse) {
        self.respond = respond
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body.removeAll(keepingCapacity: true)
        case .body(let buffer):
            body += buffer.readableBytesView
        case .end:
            guard let requestHead = head else { return }
            head = nil
            var headers: [String: String] = [:]
            for (name, value) in requestHead.headers { headers[name] = value }
            let request = SimulatorRequest(method: requestHead.method.rawValue, uri: requestHead.uri, headers: headers,
                                           body: body)
            write(respond(request), keepAlive: requestHead.isKeepAlive, version: requestHead.version, context: context)
        }
    }

    /// A broken connection is dropped; the simulator's state is unaffected.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func write(_ response: SimulatorResponse, keepAlive: Bool, version: HTTPVersion,
                       context: ChannelHandlerContext) {
        var headers = HTTPHeaders(response.headers)
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        let head = HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: response.status),
                                    headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if !response.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))),
                          promise: nil)
        }
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive { done.whenComplete { [channel = context.channel] _ in channel.close(promise: nil) } }
    }
}
