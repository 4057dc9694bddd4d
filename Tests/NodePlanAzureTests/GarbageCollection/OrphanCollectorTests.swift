import NodePlanARMSimulator
import NodePlanAzure
import Testing

@Suite("Orphan garbage collection")
struct OrphanCollectorTests {
    @Test("VMs and NICs without a NodeClaim are deleted after the grace period; ones with a NodeClaim never")
    func collectsOrphans() async throws {
        try await AzureTestEnvironment.with { env in
            for claim in ["default-keep", "default-gone1", "default-gone2"] {
                _ = try await env.provider.launch(env.request(claim, [option("Standard_D2s_v5", "eastus-1", .spot)]))
            }
            let collector = OrphanCollector(provider: env.provider, gracePeriod: 300)
            let early = try await collector.collect(nodeClaims: ["default-keep"])
            #expect(early.deletedVirtualMachines.isEmpty && early.deletedNetworkInterfaces.isEmpty)
            #expect(early.keptWithinGracePeriod == ["aks-default-gone1", "aks-default-gone2"])

            env.clock.advance(by: 301)
            let report = try await collector.collect(nodeClaims: ["default-keep"])
            #expect(report.deletedVirtualMachines == ["aks-default-gone1", "aks-default-gone2"])
            #expect(env.simulator.virtualMachines.map(\.name) == ["aks-default-keep"])
            #expect(env.simulator.networkInterfaceNames == ["aks-default-keep"])

            let again = try await collector.collect(nodeClaims: ["default-keep"])
            #expect(again == GarbageCollectionReport())
        }
    }

    @Test("A NIC left by a crash before its VM is collected unless its NodeClaim exists; foreign resources are never touched")
    func collectsLeftoverNICs() async throws {
        try await AzureTestEnvironment.with { env in
            env.simulator.addCapacityFault(CapacityFault(error: .internalExecutionError, timing: .synchronous))
            for claim in ["default-nic1", "default-nic2"] {
                await #expect(throws: ARMError.self) {
                    try await env.provider.launch(env.request(claim, [option("Standard_D2s_v5", "eastus-1", .spot)]))
                }
            }
            env.simulator.removeAllFaults()
            let foreign = AzureVMProvider(
                client: env.client,
                settings: AzureLaunchSettings(subscriptionID: AzureTestEnvironment.subscription,
                                              resourceGroup: AzureTestEnvironment.resourceGroup, location: "eastus",
                                              clusterName: "other", defaultSubnetID: AzureTestEnvironment.subnet),
                catalog: nil, unavailableOfferings: env.unavailable)
            _ = try await foreign.launch(env.request("theirs-1", [option("Standard_D2s_v5", "eastus-1", .spot)]))
            // The sync failure removed resources; put NICs back as a crash would have left them.
            for name in ["aks-default-nic1", "aks-default-nic2"] {
                _ = try await env.client.put(env.settings.networkInterfacePath(name), apiVersion: env.settings.networkAPIVersion,
                                             body: NetworkInterface(location: "eastus", tags: [
                                                 "karpenter.azure.com_cluster": "prod", "karpenter.sh_nodepool": "default"],
                                                 properties: .init(ipConfigurations: [.init(name: name, properties: .init(
                                                     primary: true, subnet: SubResource(id: AzureTestEnvironment.subnet)))])))
            }
            env.clock.advance(by: 3600)
            let report = try await OrphanCollector(provider: env.provider).collect(nodeClaims: ["default-nic2"])
            #expect(report.deletedNetworkInterfaces == ["aks-default-nic1"])
            #expect(report.deletedVirtualMachines.isEmpty)
            #expect(env.simulator.networkInterfaceNames == ["aks-default-nic2", "aks-theirs-1"])
            #expect(env.simulator.virtualMachines.map(\.name) == ["aks-theirs-1"])
        }
    }
}
