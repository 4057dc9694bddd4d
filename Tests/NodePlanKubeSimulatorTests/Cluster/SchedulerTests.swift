import NodePlanAgent
import NodePlanKubeSimulator
import NodePlanModel
import NodePlanTesting
import Testing

@Suite struct SchedulerTests {
    @Test func podWaitsUnschedulableUntilANodeThatFitsIsReady() async throws {
        let simulator = try await KubeSimulator.start()
        defer { Task { await simulator.shutdown() } }
        try simulator.store.create(.pods, SimulatedObjects.pod(name: "big", cpu: "3", memory: "1Gi", nodeSelector: ["pool": "a"]))
        #expect(await eventually {
            simulator.store.get(.pods, namespace: "default", name: "big")?.condition("PodScheduled")?["reason"] == "Unschedulable"
        })
        let small = ResourceList(cpu: .units(2), memory: .gibibytes(8), pods: .units(10))
        let large = ResourceList(cpu: .units(8), memory: .gibibytes(8), pods: .units(10))
        try simulator.registerNode(SimulatedObjects.node(name: "small", labels: ["pool": "a"], capacity: small, allocatable: small,
                                                         providerID: "p1"), readyAfter: .zero)
        try simulator.registerNode(SimulatedObjects.node(name: "other", labels: ["pool": "b"], capacity: large, allocatable: large,
                                                         providerID: "p2"), readyAfter: .zero)
        try simulator.registerNode(SimulatedObjects.node(name: "tainted", labels: ["pool": "a"],
                                                         taints: [Taint(key: "gpu", effect: .noSchedule)],
                                                         capacity: large, allocatable: large, providerID: "p3"), readyAfter: .zero)
        try simulator.registerNode(SimulatedObjects.node(name: "later", labels: ["pool": "a"], capacity: large, allocatable: large,
                                                         providerID: "p4"), readyAfter: .milliseconds(200))
        #expect(await eventually { simulator.store.get(.pods, namespace: "default", name: "big")?[["spec", "nodeName"]] == "later" })
    }

    @Test func nominatedNodeIsPreferred() async throws {
        let simulator = try await KubeSimulator.start()
        defer { Task { await simulator.shutdown() } }
        let size = ResourceList(cpu: .units(8), memory: .gibibytes(8), pods: .units(10))
        for name in ["a", "b"] {
            try simulator.registerNode(SimulatedObjects.node(name: name, labels: [:], capacity: size, allocatable: size,
                                                             providerID: name), readyAfter: .zero)
        }
        var pod = SimulatedObjects.pod(name: "p", cpu: "1", memory: "1Gi")
        pod[["metadata", "annotations"]] = [AgentKeys.nominatedNode: "b"]
        try simulator.store.create(.pods, pod)
        #expect(await eventually { simulator.store.get(.pods, namespace: "default", name: "p")?[["spec", "nodeName"]] == "b" })
    }
}
