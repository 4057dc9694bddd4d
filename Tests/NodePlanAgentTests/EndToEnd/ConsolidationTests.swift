import NodePlanAgent
import NodePlanKubeSimulator
import NodePlanModel
import NodePlanTesting
import Testing

extension EndToEndTests {
    @Suite struct ConsolidationTests {
        /// One large node runs four web pods (PDB minAvailable 3) and six batch pods; the batch pods finish.
        /// The agent must replace the large node by a small one, the replacement Ready before any eviction,
        /// evicting one web pod at a time as the budget allows.
        @Test func underutilizedNodeIsReplacedWithTheReplacementReadyFirst() async throws {
            let harness = try await AgentHarness.start()
            let store = harness.simulator.store
            try harness.createPool()
            try store.create(.podDisruptionBudgets, SimulatedObjects.podDisruptionBudget(name: "web", labels: ["app": "web"],
                                                                                         minAvailable: 3))
            for index in 0..<4 {
                try store.create(.pods, SimulatedObjects.pod(name: "web-\(index)", cpu: "500m", memory: "1Gi",
                                                             labels: ["app": "web"], owner: "web"))
            }
            for index in 0..<6 {
                try store.create(.pods, SimulatedObjects.pod(name: "batch-\(index)", cpu: "1", memory: "1Gi"))
            }
            let agent = try harness.agent(consolidationSeconds: 0.2)
            let run = Task { await agent.run() }
            #expect(await eventually(seconds: 60) { harness.allPodsBound() })
            let original = harness.nodes.map(\.name)
            #expect(original.count == 1)
            // The API refuses the first two evictions with 429 whatever the budget says; the agent retries.
            harness.simulator.faults.fail("POST", pathContains: "/eviction", status: 429, count: 2)
            for index in 0..<6 { try store.delete(.pods, namespace: "default", name: "batch-\(index)") }

            let replaced = await eventually(seconds: 60) {
                let nodes = harness.nodes
                return nodes.count == 1 && nodes[0].name != original[0] && harness.pods.count == 4 && harness.allPodsBound()
                    && harness.nodeClaims.count == 1
            }
            run.cancel()
            await run.value
            #expect(replaced)
            // Small, or medium when the plan was made while the last batch pods were still being deleted.
            #expect(["small", "medium"].contains(harness.nodes.first?.labels[WellKnownLabel.instanceType] ?? ""))

            let journal = store.journal
            let oldNode = original[0]
            let replacement = harness.nodes.first?.name ?? ""
            let replacementReady = journal.first {
                $0.resource == .nodes && $0.object.name == replacement && $0.object.conditionIsTrue("Ready")
            }?.revision
            let firstEviction = journal.first {
                $0.resource == .pods && $0.type == .deleted && $0.object.labels["app"] == "web"
                    && $0.object[["spec", "nodeName"]]?.stringValue == oldNode
            }?.revision
            let oldNodeDeleted = journal.first { $0.resource == .nodes && $0.type == .deleted && $0.object.name == oldNode }?.revision
            #expect(replacementReady != nil && firstEviction != nil && oldNodeDeleted != nil)
            #expect((replacementReady ?? .max) < (firstEviction ?? 0))
            #expect((firstEviction ?? .max) < (oldNodeDeleted ?? 0))
            #expect(minimumHealthyWebPods(journal) >= 3)
            #expect(journal.contains { $0.resource == .podDisruptionBudgets && $0.object[["status", "disruptionsAllowed"]]?.numberValue == 0 })
            await harness.stop()
        }

        /// Replays the journal: the fewest web pods bound, Running and not terminating at any revision after
        /// all four first ran.
        private func minimumHealthyWebPods(_ journal: [JournalEntry]) -> Int {
            var healthy: [String: Bool] = [:]
            var minimum = Int.max
            var started = false
            for entry in journal where entry.resource == .pods && entry.object.labels["app"] == "web" {
                let pod = entry.object
                healthy[pod.objectKey] = entry.type != .deleted && !pod.isDeleting
                    && !(pod[["spec", "nodeName"]]?.stringValue ?? "").isEmpty && pod[["status", "phase"]]?.stringValue == "Running"
                let count = healthy.values.filter { $0 }.count
                if count == 4 { started = true }
                if started { minimum = min(minimum, count) }
            }
            return minimum
        }
    }
}
