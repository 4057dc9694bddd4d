import NodePlanAgent
import NodePlanKubeSimulator
import NodePlanModel
import Testing

@Suite struct KWOKCloudProviderTests {
    @Test func launchesReadyFakeNodesIdempotentlyAndDeletesThem() async throws {
        let simulator = try await KubeSimulator.start(.init(schedulesPods: false))
        defer { Task { await simulator.shutdown() } }
        let kube = try KubeClient(configuration: simulator.kubeConfiguration)
        let provider = KWOKCloudProvider(kube: kube, instanceTypes: AgentHarness.instanceTypes, region: "eastus")
        let request = InstanceRequest(
            nodeClaim: "default-abcde", nodePool: "default", nodeClass: "default",
            offerings: [LaunchOption(instanceType: "unknown", zone: "eastus-1", capacityType: .spot, price: 0.01),
                        LaunchOption(instanceType: "medium", zone: "eastus-2", capacityType: .onDemand, price: 0.2)],
            labels: ["team": "a"], taints: [Taint(key: "dedicated", value: "a", effect: .noSchedule)])
        let instance = try await provider.create(request)
        #expect(instance.instanceType == "medium" && instance.zone == "eastus-2" && instance.capacityType == .onDemand)
        #expect(instance.capacity[ResourceName.cpu].milli == 4_000)

        let node = try #require(simulator.store.get(.nodes, name: "aks-default-abcde"))
        #expect(node.conditionIsTrue("Ready"))
        #expect(node.labels[WellKnownLabel.instanceType] == "medium" && node.labels["team"] == "a")
        #expect(node[["spec", "providerID"]]?.stringValue == instance.providerID)
        #expect(node[["spec", "taints"]]?.taints == [Taint(key: "dedicated", value: "a", effect: .noSchedule)])

        #expect(try await provider.create(request) == instance)
        #expect(try await provider.list().map(\.nodeClaim) == ["default-abcde"])
        try await provider.delete(nodeClaim: "default-abcde")
        try await provider.delete(nodeClaim: "default-abcde")
        #expect(try await provider.list().isEmpty)

        var unknownOnly = request
        unknownOnly.nodeClaim = "default-fghjk"
        unknownOnly.offerings = [request.offerings[0]]
        await #expect(throws: CloudProviderError.self) { try await provider.create(unknownOnly) }
    }
}
