import NodePlanAgent
import NodePlanKubeSimulator
import NodePlanModel
import NodePlanTesting
import Testing

extension EndToEndTests {
    @Suite struct ScaleUpTests {
        @Test func fiveHundredPendingPodsAllEndUpBound() async throws {
            let harness = try await AgentHarness.start()
            try harness.createPool()
            for index in 0..<500 {
                try harness.simulator.store.create(.pods, SimulatedObjects.pod(
                    name: "web-\(index)", cpu: ["250m", "500m", "1"][index % 3], memory: "512Mi", labels: ["app": "web"]))
            }
            // Faults on the way: a NodeClaim create that fails past the client's retries (the plan is applied
            // again later), status writes that need a retry, and every watch expiring mid-run.
            harness.simulator.faults.fail("POST", pathContains: "/nodeclaims", status: 503, count: 4)
            harness.simulator.faults.fail("PATCH", pathContains: "/status", status: 500, count: 2)
            let agent = try harness.agent()
            let run = Task { await agent.run() }
            let expiry = Task {
                try await Task.sleep(for: .milliseconds(1500))
                harness.simulator.endWatches(expire: true)
            }
            let bound = await eventually(seconds: 60) { harness.allPodsBound() }
            _ = await expiry.result
            let initialized = await eventually { harness.nodeClaims.allSatisfy { $0.conditionIsTrue("Initialized") } }
            run.cancel()
            await run.value
            #expect(bound)

            // Nothing launched twice, nothing launched for nothing.
            let claims = harness.nodeClaims
            let journal = harness.simulator.store.journal
            #expect(harness.provider.launches == claims.count)
            #expect(!journal.contains { $0.resource == .nodeClaims && $0.type == .deleted })
            #expect(harness.nodes.count == claims.count)
            let usedNodes = Set(harness.pods.compactMap { $0[["spec", "nodeName"]]?.stringValue })
            #expect(usedNodes == Set(harness.nodes.map(\.name)))
            #expect(initialized)
            #expect(try await harness.provider.list().map(\.nodeClaim) == claims.map(\.name))
            await harness.stop()
        }

        @Test func launchWalksTheFallbacksWhenTheChosenOfferingHasNoCapacity() async throws {
            let harness = try await AgentHarness.start()
            try harness.createPool()
            harness.provider.failLaunches(of: "xlarge")
            for index in 0..<40 {
                try harness.simulator.store.create(.pods, SimulatedObjects.pod(name: "job-\(index)", cpu: "1", memory: "1Gi"))
            }
            let agent = try harness.agent()
            let run = Task { await agent.run() }
            let bound = await eventually(seconds: 60) { harness.allPodsBound() }
            run.cancel()
            await run.value
            #expect(bound)
            #expect(!harness.nodes.contains { $0.labels[WellKnownLabel.instanceType] == "xlarge" })
            #expect(await !harness.provider.unavailableOfferings().isEmpty)
            await harness.stop()
        }

        @Test func orphanInstancesAreCollected() async throws {
            let harness = try await AgentHarness.start()
            try harness.createPool()
            let orphan = try await harness.provider.create(InstanceRequest(
                nodeClaim: "default-ghost", nodePool: "default", nodeClass: "default",
                offerings: [LaunchOption(instanceType: "small", zone: "test-zone-1", capacityType: .onDemand, price: 0.1)]))
            #expect(orphan.instanceType == "small")
            let agent = try harness.agent(garbageCollectionSeconds: 0.05, orphanGraceSeconds: 0)
            let run = Task { await agent.run() }
            let collected = try await eventually { try await harness.provider.list().isEmpty }
            run.cancel()
            await run.value
            #expect(collected)
            await harness.stop()
        }
    }
}
