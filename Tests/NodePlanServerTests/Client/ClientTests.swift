import NodePlanClient
import NodePlanWire
import Testing

@Suite("Client", .timeLimit(.minutes(1)))
struct ClientTests {
    @Test("A call to a server that never answers fails with DEADLINE_EXCEEDED and sends CANCEL")
    func silentServer() async throws {
        let silent = try await SilentServer.start()
        var received = silent.received.makeAsyncIterator()
        let connection = try await NodePlanConnection.connect(host: "127.0.0.1", port: silent.port, token: "any")
        #expect(await received.next()?.type == .hello)
        let error = await #expect(throws: WireError.self) { try await connection.call(.health, deadline: .milliseconds(50)) }
        #expect(error?.code == .deadlineExceeded)
        let request = try #require(await received.next())
        #expect(request.type == .request && request.deadlineMilliseconds == 50)
        let cancel = try #require(await received.next())
        #expect(cancel.type == .cancel && cancel.streamID == request.streamID)
        await connection.close()
        await silent.stop()
    }

    @Test("Calls on a closed client fail with UNAVAILABLE")
    func closedClient() async throws {
        let server = try await TestServer.start()
        let client = server.client()
        #expect(try await client.health() == .serving)
        await client.close()
        let error = await #expect(throws: WireError.self) { try await client.health() }
        #expect(error?.code == .unavailable)
        await server.stop()
    }
}
