import NodePlanAgent
import NodePlanKubeSimulator
import NodePlanModel
import NodePlanTesting
import Testing

@Suite struct EvictionTests {
    @Test func evictionIsRefusedWith429WhenTheBudgetAllowsNoDisruption() async throws {
        let simulator = try await KubeSimulator.start(.init(recreatesControlledPods: false))
        defer { Task { await simulator.shutdown() } }
        try simulator.registerNode(
            SimulatedObjects.node(name: "n1", labels: [:], capacity: ResourceList(cpu: .units(4), memory: .gibibytes(8), pods: .units(10)),
                                  allocatable: ResourceList(cpu: .units(4), memory: .gibibytes(8), pods: .units(10)),
                                  providerID: "simulated:///n1"),
            readyAfter: .zero)
        for name in ["web-1", "web-2"] {
            try simulator.store.create(.pods, SimulatedObjects.pod(name: name, cpu: "100m", memory: "64Mi", labels: ["app": "web"]))
        }
        try simulator.store.create(.podDisruptionBudgets, SimulatedObjects.podDisruptionBudget(name: "web", labels: ["app": "web"], minAvailable: 1))
        #expect(await eventually {
            simulator.store.get(.podDisruptionBudgets, namespace: "default", name: "web")?[["status", "disruptionsAllowed"]]?.numberValue == 1
        })

        let client = try KubeClient(configuration: simulator.kubeConfiguration)
        try await client.evict(namespace: "default", name: "web-1")
        #expect(simulator.store.get(.pods, namespace: "default", name: "web-1") == nil)
        do {
            try await client.evict(namespace: "default", name: "web-2")
            Issue.record("the second eviction should breach minAvailable 1")
        } catch let error as KubeAPIError {
            #expect(error.isTooManyRequests)
            #expect(error.message.contains("disruption budget"))
        }
        #expect(simulator.store.get(.pods, namespace: "default", name: "web-2") != nil)
    }

    @Test func evictedControlledPodComesBackPendingAndIsScheduled() async throws {
        let simulator = try await KubeSimulator.start()
        defer { Task { await simulator.shutdown() } }
        let capacity = ResourceList(cpu: .units(4), memory: .gibibytes(8), pods: .units(10))
        try simulator.registerNode(SimulatedObjects.node(name: "n1", labels: [:], capacity: capacity, allocatable: capacity,
                                                         providerID: "simulated:///n1"), readyAfter: .zero)
        try simulator.store.create(.pods, SimulatedObjects.pod(name: "web-1", cpu: "1", memory: "1Gi", owner: "web"))
        #expect(await eventually { simulator.store.get(.pods, namespace: "default", name: "web-1")?[["spec", "nodeName"]] == "n1" })
        try simulator.store.evict(namespace: "default", name: "web-1")
        #expect(await eventually {
            let pods = simulator.store.list(.pods).items
            return pods.count == 1 && pods[0].name.hasPrefix("web-") && pods[0].name != "web-1"
                && pods[0][["spec", "nodeName"]] == "n1"
        })
    }
}
