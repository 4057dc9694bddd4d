import NodePlanClient
import NodePlanModel
import NodePlanServer
import NodePlanWire
import Testing

@Suite("Deadlines, cancellation and back-pressure", .timeLimit(.minutes(1)))
struct CancellationTests {
    @Test("A passed deadline answers DEADLINE_EXCEEDED and stops the solve")
    func deadlineExceeded() async throws {
        let blocking = BlockingEngine()
        let server = try await TestServer.start(engine: blocking.engine)
        let client = server.client()
        let error = await #expect(throws: WireError.self) {
            try await client.solve(Fixtures.snapshot(pods: 5), deadline: .milliseconds(500))
        }
        #expect(error?.code == .deadlineExceeded)
        // The solve either never started (the deadline passed while it was queued) or stopped
        // because of the deadline; either way nothing is left running.
        let stopReasons = try #require(await blocking.stopReasonsWhenIdle())
        #expect(stopReasons.allSatisfy { $0 == .deadlineExceeded })
        await client.close()
        await server.stop()
    }

    @Test("Cancelling the client task sends CANCEL and stops the solve")
    func clientCancelStopsWork() async throws {
        let blocking = BlockingEngine()
        var events = blocking.events.makeAsyncIterator()
        let server = try await TestServer.start(engine: blocking.engine)
        let client = server.client()
        let call = Task { try await client.solve(Fixtures.snapshot(pods: 5)) }
        #expect(await events.next() == .started)
        call.cancel()
        await #expect(throws: CancellationError.self) { try await call.value }
        #expect(await events.next() == .stopped(.cancelled))
        // The connection keeps serving.
        #expect(try await client.health() == .serving)
        await client.close()
        await server.stop()
    }

    @Test("More open streams than the limit are RESOURCE_EXHAUSTED")
    func maxConcurrentStreams() async throws {
        let blocking = BlockingEngine()
        var events = blocking.events.makeAsyncIterator()
        let server = try await TestServer.start(engine: blocking.engine) { $0.maxConcurrentStreams = 2 }
        let connection = try await server.connection()
        let first = Task { try await connection.call(.solve(Fixtures.snapshot(pods: 1))) }
        let second = Task { try await connection.call(.solve(Fixtures.snapshot(pods: 1))) }
        #expect(await events.next() == .started)
        #expect(await events.next() == .started)
        let error = await #expect(throws: WireError.self) { try await connection.call(.solve(Fixtures.snapshot(pods: 1))) }
        #expect(error?.code == .resourceExhausted)
        blocking.release()
        _ = try await first.value
        _ = try await second.value
        await connection.close()
        await server.stop()
    }

    @Test("A saturated solve pool answers RESOURCE_EXHAUSTED and keeps serving")
    func saturatedPool() async throws {
        let blocking = BlockingEngine()
        var events = blocking.events.makeAsyncIterator()
        let server = try await TestServer.start(engine: blocking.engine) {
            $0.solveWorkers = 1
            $0.solveQueueCapacity = 0
        }
        let client = server.client(connections: 2)
        let running = Task { try await client.solve(Fixtures.snapshot(pods: 1)) }
        #expect(await events.next() == .started)
        let error = await #expect(throws: WireError.self) { try await client.solve(Fixtures.snapshot(pods: 1)) }
        #expect(error?.code == .resourceExhausted)
        #expect(try await client.health() == .serving)
        blocking.release()
        #expect(try await running.value.warnings == ["released"])
        await client.close()
        await server.stop()
    }
}
