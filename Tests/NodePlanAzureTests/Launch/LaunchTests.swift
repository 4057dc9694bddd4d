import Foundation
import NodePlanARMSimulator
import NodePlanAzure
import NodePlanModel
import Testing

@Suite("VM launch and delete against the ARM simulator")
struct LaunchTests {
    @Test("A spot launch PUTs the NIC, then the VM, with Karpenter's spot settings, tags, image, disk and subnet")
    func spotLaunch() async throws {
        try await AzureTestEnvironment.with { env in
            let subnet = AzureTestEnvironment.subnet.replacingOccurrences(of: "/nodes", with: "/pool-a")
            let nodeClass = AKSNodeClass(osDiskSizeGB: 64, tags: ["team/owner": "infra"], vnetSubnetID: subnet)
            let result = try await env.provider.launch(
                env.request("default-abc12", [option("Standard_D4s_v5", "eastus-1", .spot)], nodeClass: nodeClass))

            #expect(result.option == option("Standard_D4s_v5", "eastus-1", .spot))
            #expect(result.failures.isEmpty && result.skipped.isEmpty && !result.reusedExisting)
            #expect(result.instance.name == "aks-default-abc12")
            #expect(result.instance.nodeClaim == "default-abc12")
            #expect(result.instance.zone == "eastus-1")
            #expect(result.instance.capacityType == .spot)
            #expect(result.instance.provisioningState == "Succeeded")
            #expect(result.instance.providerID == "azure:///subscriptions/\(AzureTestEnvironment.subscription)"
                + "/resourceGroups/mc_rg_cluster_eastus/providers/Microsoft.Compute/virtualMachines/aks-default-abc12")

            let log = env.simulator.requestLog.filter { $0.hasPrefix("PUT ") }
            #expect(log.count == 2)
            #expect(log.first?.hasSuffix("networkInterfaces/aks-default-abc12") == true)
            #expect(log.last?.hasSuffix("virtualMachines/aks-default-abc12") == true)

            let vm = try #require(try await env.client.get(
                env.settings.virtualMachinePath("aks-default-abc12"),
                apiVersion: env.settings.computeAPIVersion, as: VirtualMachine.self))
            #expect(vm.zones == ["1"])
            #expect(vm.properties.priority == "Spot")
            #expect(vm.properties.evictionPolicy == "Delete")
            #expect(vm.properties.billingProfile?.maxPrice == -1)
            #expect(vm.properties.hardwareProfile.vmSize == "Standard_D4s_v5")
            #expect(vm.properties.storageProfile?.osDisk.diskSizeGB == 64)
            #expect(vm.properties.storageProfile?.osDisk.deleteOption == "Delete")
            #expect(vm.properties.storageProfile?.imageReference.communityGalleryImageId
                == "/CommunityGalleries/AKSUbuntu-38d80f77-467a-481f-a8d4-09b6d4220bd2/images/2204gen2containerd/versions/latest")
            #expect(vm.properties.osProfile?.computerName == "aks-default-abc12")
            #expect(vm.tags?["karpenter.azure.com_cluster"] == "prod")
            #expect(vm.tags?["karpenter.sh_nodepool"] == "default")
            #expect(vm.tags?["karpenter.sh_nodeclaim"] == "default-abc12")
            #expect(vm.tags?["team_owner"] == "infra")
            #expect(vm.properties.networkProfile?.networkInterfaces.first?.properties?.deleteOption == "Delete")

            let nic = try #require(try await env.client.get(env.settings.networkInterfacePath("aks-default-abc12"),
                                                            apiVersion: env.settings.networkAPIVersion,
                                                            as: NetworkInterface.self))
            #expect(nic.properties.ipConfigurations.map(\.properties.subnet) == [SubResource(id: subnet)])
            #expect(nic.properties.enableAcceleratedNetworking == true)

            let nics = try await env.provider.listNetworkInterfaces()
            #expect(nics.map(\.name) == ["aks-default-abc12"])
            #expect(nics.first?.attachedVirtualMachine?.hasSuffix("/aks-default-abc12") == true)
        }
    }

    @Test("An on-demand regional launch has Regular priority, no zones and no spot settings")
    func onDemandRegional() async throws {
        try await AzureTestEnvironment.with { env in
            var request = env.request("pool-x1", [option("Standard_E4s_v5", "0", .onDemand)])
            request.customData = "IyEvYmluL2Jhc2g="
            let result = try await env.provider.launch(request)
            #expect(result.instance.zone == "0")
            let body = try #require(try await env.client.get(env.settings.virtualMachinePath("aks-pool-x1"),
                                                             apiVersion: env.settings.computeAPIVersion,
                                                             as: VirtualMachine.self))
            #expect(body.zones == nil)
            #expect(body.properties.evictionPolicy == nil && body.properties.billingProfile == nil)
            #expect(body.properties.osProfile?.customData == "IyEvYmluL2Jhc2g=")
            #expect(result.instance.capacityType == .onDemand)
            let vm = try #require(env.simulator.virtualMachines.first)
            #expect(vm.priority == .regular)
            #expect(vm.zone == "")
        }
    }

    @Test("Delete removes the VM and its NIC; deleting again reports that nothing was there")
    func delete() async throws {
        try await AzureTestEnvironment.with { env in
            _ = try await env.provider.launch(env.request("default-del01", [option("Standard_D4s_v5", "eastus-2", .onDemand)]))
            #expect(try await env.provider.delete(nodeClaim: "default-del01"))
            #expect(env.simulator.virtualMachines.isEmpty)
            #expect(env.simulator.networkInterfaceNames.isEmpty)
            #expect(try await env.provider.virtualMachine(nodeClaim: "default-del01") == nil)
            #expect(try await env.provider.delete(nodeClaim: "default-del01") == false)
            #expect(env.requests("DELETE", endingWith: "virtualMachines/aks-default-del01") == 1)
        }
    }

    @Test("Two deletions of the same NodeClaim at once both succeed: the second waits for the first")
    func concurrentDeletes() async throws {
        try await AzureTestEnvironment.with(operationPolls: 3) { env in
            _ = try await env.provider.launch(env.request("default-twice", [option("Standard_D4s_v5", "eastus-1", .spot)]))
            async let first = env.provider.delete(nodeClaim: "default-twice")
            async let second = env.provider.delete(nodeClaim: "default-twice")
            let outcomes = try await [first, second]
            #expect(outcomes.filter { $0 }.count >= 1)
            #expect(env.simulator.virtualMachines.isEmpty)
            #expect(env.simulator.networkInterfaceNames.isEmpty)
        }
    }

    @Test("After a crash between NIC and VM, launching again reuses the NIC and creates exactly one VM")
    func resumeAfterNICOnly() async throws {
        try await AzureTestEnvironment.with { env in
            let nic = NetworkInterface(location: "eastus", tags: ["karpenter.azure.com_cluster": "prod",
                                                                  "karpenter.sh_nodepool": "default"],
                                       properties: .init(ipConfigurations: [.init(
                                           name: "aks-default-crash", properties: .init(
                                               primary: true, subnet: SubResource(id: AzureTestEnvironment.subnet)))]))
            _ = try await env.client.put(
                env.settings.networkInterfacePath("aks-default-crash"),
                apiVersion: env.settings.networkAPIVersion, body: nic)

            let result = try await env.provider.launch(
                env.request("default-crash", [option("Standard_D4s_v5", "eastus-1", .onDemand)]))
            #expect(!result.reusedExisting)
            #expect(env.simulator.networkInterfaceNames == ["aks-default-crash"])
            #expect(env.simulator.virtualMachines.map(\.name) == ["aks-default-crash"])
            #expect(env.simulator.virtualMachines.first?.provisioningState == "Succeeded")
        }
    }

    @Test("Launching a NodeClaim whose VM exists reuses it without another VM PUT")
    func resumeAfterVM() async throws {
        try await AzureTestEnvironment.with { env in
            let first = try await env.provider.launch(
                env.request("default-again", [option("Standard_D4s_v5", "eastus-3", .spot)]))
            let second = try await env.provider.launch(env.request("default-again", [
                option("Standard_D8s_v5", "eastus-1", .onDemand), option("Standard_D4s_v5", "eastus-3", .spot)]))
            #expect(second.reusedExisting)
            #expect(second.option == first.option)
            #expect(second.instance.id == first.instance.id)
            #expect(env.requests("PUT", endingWith: "virtualMachines/aks-default-again") == 1)
        }
    }

    @Test("After a crash once the VM PUT was accepted, launching again waits for that VM instead of creating another")
    func resumeWhileCreating() async throws {
        try await AzureTestEnvironment.with(operationPolls: 3) { env in
            // The agent got as far as the VM PUT being accepted, then died: send that PUT and nothing else.
            let nicPath = env.settings.networkInterfacePath("aks-default-mid")
            _ = try await env.client.put(nicPath, apiVersion: env.settings.networkAPIVersion, body: NetworkInterface(
                location: "eastus", tags: ["karpenter.azure.com_cluster": "prod", "karpenter.sh_nodepool": "default"],
                properties: .init(ipConfigurations: [.init(name: "aks-default-mid", properties: .init(
                    primary: true, subnet: SubResource(id: AzureTestEnvironment.subnet)))])))
            let vm = VirtualMachine(location: "eastus", zones: ["1"], properties: .init(
                hardwareProfile: .init(vmSize: "Standard_D4s_v5"),
                networkProfile: .init(networkInterfaces: [.init(id: nicPath)]), priority: "Spot"))
            let accepted = try await env.transport.send(HTTPRequestMessage(
                method: "PUT", url: env.client.url(env.settings.virtualMachinePath("aks-default-mid"), apiVersion: "2025-04-01"),
                headers: [("Authorization", "Bearer " + (try await env.tokens.token())), ("Content-Type", "application/json")],
                body: Array(try JSONEncoder().encode(vm))))
            #expect(accepted.status == 201)
            let before = try #require(env.simulator.virtualMachines.first)
            #expect(before.provisioningState == "Creating")

            let result = try await env.provider.launch(
                env.request("default-mid", [option("Standard_D4s_v5", "eastus-1", .spot)]))
            #expect(result.reusedExisting)
            #expect(result.instance.provisioningState == "Succeeded")
            #expect(env.requests("PUT", endingWith: "virtualMachines/aks-default-mid") == 1)
            #expect(env.simulator.virtualMachines.count == 1)
        }
    }

    @Test("Concurrent launches each get their own VM and NIC")
    func concurrentLaunches() async throws {
        try await AzureTestEnvironment.with { env in
            let claims = (0..<40).map { "burst-\($0)" }
            try await withThrowingTaskGroup(of: VMLaunchResult.self) { group in
                for claim in claims {
                    group.addTask {
                        try await env.provider.launch(env.request(claim, [option("Standard_D2s_v5", "eastus-2", .spot)]))
                    }
                }
                for try await result in group { #expect(result.instance.provisioningState == "Succeeded") }
            }
            #expect(env.simulator.virtualMachines.map(\.name).sorted() == claims.map { "aks-" + $0 }.sorted())
            #expect(env.simulator.networkInterfaceNames.count == 40)
            #expect(env.simulator.tokenRequests == 1)
        }
    }

    @Test("Bad input is refused naming the field: NodeClaim name, zone, empty options, missing subnet")
    func invalidRequests() async throws {
        try await AzureTestEnvironment.with { env in
            await #expect(throws: AzureLaunchError.invalidRequest(
                field: "nodeClaim", reason: "\"Bad_Name\" must be 1–60 characters of a–z, 0–9 and -")) {
                try await env.provider.launch(env.request("Bad_Name", [option("Standard_D4s_v5", "eastus-1", .spot)]))
            }
            await #expect(throws: AzureLaunchError.invalidRequest(
                field: "option.zone", reason: "\"westus-1\" is neither \"0\" nor eastus-<n>")) {
                try await env.provider.launch(env.request("ok-1", [option("Standard_D4s_v5", "westus-1", .spot)]))
            }
            #expect(env.simulator.networkInterfaceNames.isEmpty)
            await #expect(throws: AzureLaunchError.invalidRequest(field: "options", reason: "no offering to launch")) {
                try await env.provider.launch(env.request("ok-2", []))
            }
            let noSubnet = AzureVMProvider(
                client: env.client,
                settings: AzureLaunchSettings(subscriptionID: "s", resourceGroup: "rg", location: "eastus", clusterName: "c"),
                catalog: nil, unavailableOfferings: env.unavailable)
            await #expect(throws: AzureLaunchError.invalidRequest(
                field: "nodeClass.vnetSubnetID", reason: "empty, and no default subnet is configured")) {
                try await noSubnet.launch(env.request("ok-3", [option("Standard_D4s_v5", "eastus-1", .spot)]))
            }
        }
    }
}
