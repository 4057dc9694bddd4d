import NodePlanAgent
import NodePlanKubeSimulator
import Testing

@Suite struct FaultInjectionTests {
    @Test func serverErrorsAndThrottlingAreRetriedAndReportedWhenPersistent() async throws {
        let simulator = try await KubeSimulator.start(.init(schedulesPods: false))
        defer { Task { await simulator.shutdown() } }
        var client = try KubeClient(configuration: simulator.kubeConfiguration, retryDelay: .milliseconds(1))
        simulator.faults.fail("GET", pathContains: "/api/v1/nodes", status: 503, count: 1)
        simulator.faults.fail("GET", pathContains: "/api/v1/nodes", status: 429, count: 1, retryAfterSeconds: 0)
        #expect(try await client.list(.nodes).items.isEmpty)

        client.attempts = 1
        simulator.faults.fail("GET", pathContains: "/api/v1/nodes", status: 500)
        do {
            _ = try await client.list(.nodes)
            Issue.record("a single attempt should report the 500")
        } catch let error as KubeAPIError {
            #expect(error.code == 500)
        }
    }

    @Test func tokenIsRequiredWhenConfigured() async throws {
        let simulator = try await KubeSimulator.start(.init(token: "secret", schedulesPods: false))
        defer { Task { await simulator.shutdown() } }
        var configuration = simulator.kubeConfiguration
        configuration.token = "wrong"
        let client = try KubeClient(configuration: configuration)
        await #expect(throws: KubeAPIError(code: 401, reason: "Unauthorized", message: "Unauthorized")) {
            _ = try await client.list(.pods)
        }
        #expect(try await KubeClient(configuration: simulator.kubeConfiguration).list(.pods).items.isEmpty)
    }

    @Test func unknownPathsAreNotFoundAndCreateConflictsAreReported() async throws {
        let simulator = try await KubeSimulator.start(.init(schedulesPods: false))
        defer { Task { await simulator.shutdown() } }
        let client = try KubeClient(configuration: simulator.kubeConfiguration)
        let response = try await client.transport.send(method: .GET, path: "/apis/example.com/v1/widgets")
        #expect(response.status == 404)
        try await client.create(.nodePools, SimulatedObjects.nodePool())
        await #expect(throws: KubeAPIError.self) { try await client.create(.nodePools, SimulatedObjects.nodePool()) }
        #expect(try await client.get(.nodePools, name: "missing") == nil)
        #expect(try await client.delete(.nodePools, name: "default"))
        #expect(try await client.delete(.nodePools, name: "default") == false)
    }
}
