import NIOCore
import NodePlanClient
import NodePlanServer
import NodePlanWire
import Testing

/// Clients that misbehave at the connection level: trickling bytes, vanishing without closing, hanging
/// up mid-frame or mid-solve, speaking another protocol. Each is dealt with (an error where the protocol
/// allows one, then the connection closes), its work is cancelled, and a second client is still served.
@Suite("Hostile connections", .timeLimit(.minutes(1)))
struct HostileConnectionTests {
    /// A second, well-behaved client gets answers, a plan included.
    private func expectServing(_ server: TestServer) async throws {
        let client = server.client()
        #expect(try await client.health() == .serving)
        _ = try await client.solve(Fixtures.snapshot(pods: 2))
        await client.close()
    }

    /// Sends `bytes` one at a time, `pause` apart, until the server closes the connection; true if it did.
    private func trickle(_ bytes: [UInt8], on channel: any Channel, pause: Duration) async -> Bool {
        for byte in bytes {
            do {
                try await channel.writeAndFlush(ByteBuffer(bytes: [byte]))
            } catch {
                return true  // The server closed the connection under us.
            }
            try? await Task.sleep(for: pause)
        }
        return false
    }

    @Test("Slow loris before HELLO: a hello trickled byte by byte is cut off by the hello timeout")
    func slowLorisBeforeHello() async throws {
        let server = try await TestServer.start { $0.helloTimeout = .milliseconds(300) }
        let raw = try await RawConnection.connect(port: server.port)
        var hello = ByteBuffer()
        try FrameEncoder().encode(data: .hello(token: TestServer.token, client: "loris"), out: &hello)
        let bytes = Array(hello.readableBytesView), channel = raw.channel
        async let trickling = trickle(bytes, on: channel, pause: .milliseconds(100))
        let reply = try #require(await raw.next())
        #expect(reply.type == .error && reply.streamID == 0)
        let error = try reply.error()
        #expect(error.code == .unauthenticated && error.message.contains("no HELLO within"))
        #expect(await raw.waitForClose())
        _ = await trickling
        try await expectServing(server)
        await server.stop()
    }

    @Test("Slow loris after HELLO: a request header trickled byte by byte is closed by the keepalive")
    func slowLorisAfterHello() async throws {
        let server = try await TestServer.start { $0.keepaliveInterval = .milliseconds(200) }
        let raw = try await RawConnection.authenticated(port: server.port)
        let header: [UInt8] = [0, 0, 0, 100, 1, 2, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0]  // 100-byte SOLVE, never sent.
        let channel = raw.channel
        async let trickling = trickle(header + [UInt8](repeating: 0, count: 100), on: channel, pause: .milliseconds(60))
        #expect(await raw.waitForClose())
        _ = await trickling
        try await expectServing(server)
        await server.stop()
    }

    @Test("Half-open: a peer that vanishes with a solve running is closed by the keepalive and its solve cancelled")
    func halfOpenPeer() async throws {
        let blocking = BlockingEngine()
        var events = blocking.events.makeAsyncIterator()
        let server = try await TestServer.start(engine: blocking.engine) { $0.keepaliveInterval = .seconds(1) }
        let raw = try await RawConnection.authenticated(port: server.port)
        try await raw.send(WireRequest.solve(Fixtures.snapshot(pods: 2)).frame(streamID: 1))
        #expect(await events.next() == .started)
        // From here the client neither sends nor answers pings: to the server it has gone.
        #expect(await raw.waitForClose())
        #expect(await events.next() == .stopped(.cancelled))
        #expect(server.requestsInFlight() == 0)
        blocking.release()
        try await expectServing(server)
        await server.stop()
    }

    @Test("A client that hangs up mid-solve cancels the solve; nothing stays in flight")
    func disconnectMidSolve() async throws {
        let blocking = BlockingEngine()
        var events = blocking.events.makeAsyncIterator()
        let server = try await TestServer.start(engine: blocking.engine)
        let raw = try await RawConnection.authenticated(port: server.port)
        for stream in [UInt32(1), 3, 5] {
            try await raw.send(WireRequest.solve(Fixtures.snapshot(pods: 2)).frame(streamID: stream))
        }
        #expect(await events.next() == .started)
        #expect(await events.next() == .started)  // Two workers; the third solve waits in the queue.
        await raw.close()
        let stopReasons = try #require(await blocking.stopReasonsWhenIdle())
        #expect(stopReasons == [.cancelled, .cancelled])
        #expect(server.requestsInFlight() == 0)
        blocking.release()
        try await expectServing(server)
        await server.stop()
    }

    @Test("A connection that ends inside a frame, or before sending anything, leaves the server serving")
    func hangUps() async throws {
        let server = try await TestServer.start()
        let silent = try await RawConnection.connect(port: server.port)
        await silent.close()
        let cut = try await RawConnection.authenticated(port: server.port)
        try await cut.sendBytes(ByteBuffer(bytes: [0, 0, 1, 0, 1, 2, 2, 1, 0, 0]))  // Ten bytes of a header.
        await cut.close()
        let cutPayload = try await RawConnection.authenticated(port: server.port)
        try await cutPayload.sendBytes(ByteBuffer(bytes: [0, 0, 1, 0, 1, 2, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0x0A, 0x7F]))
        await cutPayload.close()
        try await expectServing(server)
        await server.stop()
    }

    @Test("An HTTP request on the frame port is UNIMPLEMENTED and closed")
    func httpOnFramePort() async throws {
        let server = try await TestServer.start()
        let raw = try await RawConnection.connect(port: server.port)
        try await raw.sendBytes(ByteBuffer(string: "GET /metrics HTTP/1.1\r\nHost: nodeplan\r\n\r\n"))
        let reply = try #require(await raw.next())
        #expect(reply.type == .error && reply.streamID == 0)
        #expect(try reply.error().code == .unimplemented)
        #expect(await raw.waitForClose())
        try await expectServing(server)
        await server.stop()
    }

    @Test("A HELLO whose payload is not a Hello message is UNAUTHENTICATED")
    func garbageHello() async throws {
        let server = try await TestServer.start()
        let raw = try await RawConnection.connect(port: server.port)
        try await raw.send(Frame(type: .hello, payload: ByteBuffer(bytes: [0xFF, 0xFF, 0xFF, 0xFF])))
        let reply = try #require(await raw.next())
        #expect(try reply.error().code == .unauthenticated)
        #expect(try reply.error().message.contains("not a nodeplan.v1.Hello"))
        #expect(await raw.waitForClose())
        try await expectServing(server)
        await server.stop()
    }

    @Test("Fifty connections that never say HELLO are all closed by the hello timeout")
    func silentConnections() async throws {
        let server = try await TestServer.start { $0.helloTimeout = .milliseconds(200) }
        var connections: [RawConnection] = []
        for _ in 0..<50 { connections.append(try await RawConnection.connect(port: server.port)) }
        for connection in connections {
            let reply = try #require(await connection.next())
            #expect(try reply.error().code == .unauthenticated)
            #expect(await connection.waitForClose())
        }
        try await expectServing(server)
        await server.stop()
    }
}
