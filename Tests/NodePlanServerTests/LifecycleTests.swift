import Logging
import NIOCore
import NodePlanClient
import NodePlanServer
import NodePlanWire
import ServiceLifecycle
import Testing

@Suite("Keepalive, idle connections and graceful shutdown", .timeLimit(.minutes(1)))
struct LifecycleTests {
    @Test("Shutdown sends GOAWAY, stops accepting, and lets in-flight solves finish")
    func gracefulShutdownDrains() async throws {
        let blocking = BlockingEngine()
        var events = blocking.events.makeAsyncIterator()
        let server = try await TestServer.start(engine: blocking.engine)
        let client = server.client()
        let observer = try await RawConnection.authenticated(port: server.port)
        let inFlight = Task { try await client.solve(Fixtures.snapshot(pods: 3)) }
        #expect(await events.next() == .started)

        let shutdown = Task { await server.stop() }
        let goAway = try #require(await observer.nextIgnoringPings())
        #expect(goAway.type == .goAway)
        #expect(try goAway.message(as: Nodeplan_V1_GoAway.self).code == .unavailable)
        await #expect(throws: (any Error).self) { try await server.connection() }

        blocking.release()
        #expect(try await inFlight.value.warnings == ["released"])
        await shutdown.value
        await client.close()
    }

    @Test("SIGTERM-style graceful shutdown of a ServiceGroup drains, then run() returns")
    func serviceGroupShutdown() async throws {
        let blocking = BlockingEngine()
        var events = blocking.events.makeAsyncIterator()
        let server = try await TestServer.start(engine: blocking.engine)
        let group = ServiceGroup(configuration: .init(services: [.init(service: server.server)],
                                                      logger: Logger(label: "nodeplan.test.group")))
        let running = Task { try await group.run() }
        let client = server.client()
        let inFlight = Task { try await client.solve(Fixtures.snapshot(pods: 3)) }
        #expect(await events.next() == .started)
        await group.triggerGracefulShutdown()
        blocking.release()
        #expect(try await inFlight.value.warnings == ["released"])
        try await running.value
        await client.close()
    }

    @Test("A silent peer is pinged, and closed when it does not answer")
    func keepalive() async throws {
        let server = try await TestServer.start { $0.keepaliveInterval = .milliseconds(100) }
        let raw = try await RawConnection.authenticated(port: server.port)
        let ping = try #require(await raw.next())
        #expect(ping.type == .ping && ping.payload.readableBytes == 8)
        #expect(await raw.waitForClose())
        await server.stop()
    }

    @Test("An idle connection gets GOAWAY and is closed; the client reconnects transparently")
    func idleTimeout() async throws {
        // Long enough that a freshly opened connection carries its request before it can go idle,
        // even on a loaded machine (or under a sanitizer); the sleep below spans several timeouts.
        let server = try await TestServer.start { $0.idleTimeout = .milliseconds(600) }
        let raw = try await RawConnection.authenticated(port: server.port)
        let goAway = try #require(await raw.nextIgnoringPings())
        #expect(goAway.type == .goAway)
        #expect(try goAway.message(as: Nodeplan_V1_GoAway.self).code == .unavailable)
        #expect(await raw.waitForClose())

        let client = server.client()
        _ = try await client.solve(Fixtures.snapshot(pods: 2))
        try await Task.sleep(for: .milliseconds(1500))
        let plan = try await client.solve(Fixtures.snapshot(pods: 2))
        #expect(!plan.launches.isEmpty)
        await client.close()
        await server.stop()
    }
}
