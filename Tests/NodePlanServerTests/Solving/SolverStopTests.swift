import NodePlanClient
import NodePlanModel
import NodePlanServer
import NodePlanTesting
import NodePlanWire
import Testing

/// The real solver, not a stand-in, stops when its stream's deadline passes or its client cancels,
/// and its worker is free for the next request. (`RecordingEngine` holds each solve until the token
/// fires, so these tests do not depend on the machine's speed; `SolveControlTests` show the solver
/// stopping in the middle of its pod loop.)
@Suite("The solver stops on deadline and cancel", .serialized, .timeLimit(.minutes(1)))
struct SolverStopTests {
    /// Karpenter's benchmark mix.
    static let snapshot: Snapshot = {
        var workload = BenchmarkWorkload(seed: 11)
        let scenario = Scenario().pool("default").nodeClass(AKSNodeClass()).instanceTypes(InstanceTypes.benchmark(count: 40))
        return workload.diversePods(300, into: scenario).snapshot
    }()

    /// One worker and no queue: a request that arrives while a solve still runs is refused.
    private func startServer(_ recording: RecordingEngine) async throws -> TestServer {
        try await TestServer.start(engine: recording.engine) {
            $0.solveWorkers = 1
            $0.solveQueueCapacity = 0
        }
    }

    @Test("DEADLINE_EXCEEDED stops the solve and frees its worker")
    func deadlineStopsTheSolver() async throws {
        let recording = RecordingEngine()
        var events = recording.events.makeAsyncIterator()
        let server = try await startServer(recording)
        let client = server.client()
        let error = await #expect(throws: WireError.self) {
            // Long enough for the request to reach the worker on a loaded machine: the engine holds
            // the solve until the deadline fires, so this is how long the test takes, not a race.
            try await client.solve(Self.snapshot, deadline: .seconds(4))
        }
        #expect(error?.code == .deadlineExceeded)
        #expect(await events.next() == .started)
        try await expectStoppedAndWorkerFree(&events, client: client)
        await client.close()
        await server.stop()
    }

    @Test("Cancelling the client's task stops the solve and frees its worker")
    func clientCancelStopsTheSolver() async throws {
        let recording = RecordingEngine()
        var events = recording.events.makeAsyncIterator()
        let server = try await startServer(recording)
        let client = server.client()
        let call = Task { try await client.solve(Self.snapshot) }
        #expect(await events.next() == .started)
        call.cancel()
        await #expect(throws: CancellationError.self) { try await call.value }
        try await expectStoppedAndWorkerFree(&events, client: client)
        await client.close()
        await server.stop()
    }

    /// The solve that started finishes early, and the only worker is free again: a small solve is
    /// served, not refused.
    private func expectStoppedAndWorkerFree(_ events: inout AsyncStream<RecordingEngine.Event>.Iterator,
                                            client: NodePlanClient) async throws {
        let finished = await events.next()
        guard case .finished(let outcome)? = finished else {
            Issue.record("expected the solve to finish, got \(String(describing: finished))")
            return
        }
        #expect(outcome.stoppedEarly, "the solve ran to the end: \(outcome)")
        #expect(try await solveOnceWorkerIsFree(client).unschedulable.isEmpty)
    }

    /// A small solve, retried while the worker is still sending the stopped solve's answer (it is
    /// refused with RESOURCE_EXHAUSTED until then); a solver that did not stop keeps it for minutes.
    private func solveOnceWorkerIsFree(_ client: NodePlanClient) async throws -> Plan {
        for _ in 0..<100 {
            do {
                return try await client.solve(Fixtures.snapshot(pods: 3))
            } catch let error as WireError where error.code == .resourceExhausted {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        return try await client.solve(Fixtures.snapshot(pods: 3))
    }
}
