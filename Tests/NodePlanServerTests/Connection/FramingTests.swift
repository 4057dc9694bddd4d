import NIOCore
import NodePlanClient
import NodePlanServer
import NodePlanWire
import Testing

@Suite("Authentication and malformed input", .timeLimit(.minutes(1)))
struct FramingTests {
    @Test("A wrong or missing token is UNAUTHENTICATED and the connection closes")
    func badToken() async throws {
        let server = try await TestServer.start()
        let error = await #expect(throws: WireError.self) {
            try await NodePlanConnection.connect(host: "127.0.0.1", port: server.port, token: "wrong")
        }
        #expect(error?.code == .unauthenticated)

        let raw = try await RawConnection.connect(port: server.port)
        try await raw.send(Frame(type: .request, flags: .endStream, method: .health, streamID: 1,
                                 message: Nodeplan_V1_HealthRequest()))
        let reply = try #require(await raw.next())
        #expect(reply.type == .error && reply.streamID == 0)
        #expect(try reply.error().code == .unauthenticated)
        #expect(await raw.waitForClose())
        await server.stop()
    }

    @Test("An oversize frame closes its connection with RESOURCE_EXHAUSTED; other clients are served")
    func oversizeFrame() async throws {
        let server = try await TestServer.start { $0.frameLimits = FrameLimits(maxPayloadBytes: 4096, maxDecompressedBytes: 1 << 20) }
        let client = server.client()
        _ = try await client.solve(Fixtures.snapshot(pods: 2))
        let raw = try await RawConnection.authenticated(port: server.port)
        var header = ByteBuffer()
        header.writeInteger(UInt32(1 << 20))  // Declared payload: 1 MiB.
        header.writeBytes([1, 2, 2, 1])  // Version, REQUEST, END_STREAM, SOLVE.
        header.writeInteger(UInt32(1))
        header.writeInteger(UInt32(0))
        try await raw.sendBytes(header)
        let reply = try #require(await raw.nextIgnoringPings())
        #expect(reply.type == .error && reply.streamID == 0)
        #expect(try reply.error().code == .resourceExhausted)
        #expect(await raw.waitForClose())
        let plan = try await client.solve(Fixtures.snapshot(pods: 2))
        #expect(!plan.launches.isEmpty)
        await client.close()
        await server.stop()
    }

    @Test("A malformed frame header closes its connection; other clients are served")
    func malformedFrame() async throws {
        let server = try await TestServer.start()
        let client = server.client()
        let raw = try await RawConnection.authenticated(port: server.port)
        try await raw.sendBytes(ByteBuffer(bytes: [0, 0, 0, 0, 1, 42, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))  // Type 42.
        let reply = try #require(await raw.nextIgnoringPings())
        #expect(reply.type == .error && reply.streamID == 0)
        #expect(try reply.error().code == .invalidArgument)
        #expect(await raw.waitForClose())
        #expect(try await client.health() == .serving)
        await client.close()
        await server.stop()
    }

    @Test("A zstd bomb is RESOURCE_EXHAUSTED on its stream; the connection stays open")
    func decompressionBomb() async throws {
        let server = try await TestServer.start { $0.frameLimits = FrameLimits(maxPayloadBytes: 1 << 20, maxDecompressedBytes: 1 << 20) }
        let raw = try await RawConnection.authenticated(port: server.port)
        let bomb = try Zstd.compress([UInt8](repeating: 0, count: 64 << 20), level: 1)
        #expect(bomb.count < 1 << 20)
        try await raw.send(Frame(type: .request, flags: [.endStream, .compressed], method: .solve, streamID: 1,
                                 payload: ByteBuffer(bytes: bomb)))
        let reply = try #require(await raw.nextIgnoringPings())
        #expect(reply.type == .error && reply.streamID == 1)
        #expect(try reply.error().code == .resourceExhausted)
        try await raw.send(Frame(type: .request, flags: .endStream, method: .health, streamID: 3,
                                 message: Nodeplan_V1_HealthRequest()))
        let health = try #require(await raw.nextIgnoringPings())
        #expect(health.type == .response && health.streamID == 3)
        await raw.close()
        await server.stop()
    }

    @Test("A reused stream id is a connection error")
    func reusedStreamID() async throws {
        let server = try await TestServer.start()
        let raw = try await RawConnection.authenticated(port: server.port)
        let health = try Frame(type: .request, flags: .endStream, method: .health, streamID: 5, message: Nodeplan_V1_HealthRequest())
        try await raw.send(health)
        #expect(await raw.nextIgnoringPings()?.type == .response)
        try await raw.send(health)
        let reply = try #require(await raw.nextIgnoringPings())
        #expect(reply.type == .error && reply.streamID == 0)
        #expect(try reply.error().code == .invalidArgument)
        #expect(await raw.waitForClose())
        await server.stop()
    }
}
