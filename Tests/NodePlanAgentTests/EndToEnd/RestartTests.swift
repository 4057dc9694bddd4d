import NIOConcurrencyHelpers
import NodePlanAgent
import NodePlanKubeSimulator
import NodePlanModel
import NodePlanTesting
import Testing

extension EndToEndTests {
    @Suite struct RestartTests {
        /// The first agent is stopped while creating its second NodeClaim (before launching it); a second
        /// agent with an empty cache takes over from the cluster's state.
        @Test func restartMidPlanLosesNothingAndRepeatsNothing() async throws {
            let harness = try await AgentHarness.start()
            try harness.createPool()
            for index in 0..<60 {
                try harness.simulator.store.create(.pods, SimulatedObjects.pod(name: "api-\(index)", cpu: "1", memory: "2Gi"))
            }
            let first = try harness.agent()
            let firstRun = NIOLockedValueBox<Task<Void, Never>?>(nil)
            let claimPosts = NIOLockedValueBox(0)
            harness.simulator.faults.observe { method, path in
                guard method == "POST", path.hasSuffix("/nodeclaims") else { return }
                let count = claimPosts.withLockedValue { count -> Int in
                    count += 1
                    return count
                }
                if count == 2 { firstRun.withLockedValue { $0?.cancel() } }
            }
            let run = Task { await first.run() }
            firstRun.withLockedValue { $0 = run }
            #expect(await eventually(seconds: 60) { claimPosts.withLockedValue { $0 } >= 2 })
            await run.value
            let claimsAtCrash = harness.nodeClaims.count
            #expect(claimsAtCrash >= 1)
            // The NodeClaim whose creation stopped the agent was never launched: the next agent has work to resume.
            #expect(harness.provider.launches < claimsAtCrash)

            let second = try harness.agent()
            let secondRun = Task { await second.run() }
            let bound = await eventually(seconds: 60) { harness.allPodsBound() }
            secondRun.cancel()
            await secondRun.value
            #expect(bound)

            let claims = harness.nodeClaims
            let journal = harness.simulator.store.journal
            #expect(claims.count >= claimsAtCrash)
            #expect(harness.provider.launches == claims.count)
            #expect(!journal.contains { $0.resource == .nodeClaims && $0.type == .deleted })
            let usedNodes = Set(harness.pods.compactMap { $0[["spec", "nodeName"]]?.stringValue })
            #expect(usedNodes == Set(harness.nodes.map(\.name)))
            await harness.stop()
        }
    }
}
