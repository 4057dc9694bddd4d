import NodePlanARMSimulator
import NodePlanAzure
import NodePlanModel
import Testing

@Suite("Capacity errors mark offerings unavailable for Karpenter's TTLs and the launch walks the fallbacks")
struct CapacityFallbackTests {
    @Test("SkuNotAvailable (409) on the on-demand choice: next fallback used, the size blocked on-demand for 23 h")
    func skuNotAvailable() async throws {
        try await AzureTestEnvironment.with { env in
            env.simulator.addCapacityFault(CapacityFault(vmSize: "Standard_D4s_v5", priority: .regular,
                                                         error: .skuNotAvailable))
            let choice = option("Standard_D4s_v5", "eastus-1", .onDemand)
            let fallback = option("Standard_E4s_v5", "eastus-1", .onDemand)
            let result = try await env.provider.launch(env.request("default-sku01", [choice, fallback]))

            #expect(result.option == fallback)
            #expect(result.failures.map(\.kind) == [.skuNotAvailable])
            #expect(result.failures.first?.error.status == 409)
            #expect(env.simulator.virtualMachines.map(\.vmSize) == ["Standard_E4s_v5"])
            #expect(env.unavailable.isUnavailable(option("Standard_D4s_v5", "eastus-3", .onDemand), catalog: AzureTestEnvironment.catalog))
            #expect(!env.unavailable.isUnavailable(option("Standard_D4s_v5", "0", .onDemand), catalog: AzureTestEnvironment.catalog))
            #expect(!env.unavailable.isUnavailable(option("Standard_D4s_v5", "eastus-1", .spot), catalog: AzureTestEnvironment.catalog))

            env.clock.advance(by: 23 * 3600 - 10)
            #expect(env.unavailable.isUnavailable(choice, catalog: AzureTestEnvironment.catalog))
            env.clock.advance(by: 20)
            #expect(!env.unavailable.isUnavailable(choice, catalog: AzureTestEnvironment.catalog))
        }
    }

    @Test("ZonalAllocationFailed (failed operation) in zone 1: zone 2 fallback used; zone 1 blocked for both capacity types and larger same-family sizes for 1 h")
    func zonalAllocationFailed() async throws {
        try await AzureTestEnvironment.with { env in
            env.simulator.addCapacityFault(CapacityFault(vmSize: "Standard_D4s_v5", zone: "1", error: .zonalAllocationFailed))
            let catalog = AzureTestEnvironment.catalog
            let result = try await env.provider.launch(env.request("default-zone1", [
                option("Standard_D4s_v5", "eastus-1", .spot), option("Standard_D4s_v5", "eastus-2", .spot)]))

            #expect(result.option.zone == "eastus-2")
            #expect(result.failures.first?.kind == .zonalAllocationFailed)
            #expect(result.failures.first?.error.status == nil)
            #expect(env.simulator.virtualMachines.map(\.zone) == ["2"])
            #expect(env.simulator.networkInterfaceNames == ["aks-default-zone1"])
            #expect(env.unavailable.isUnavailable(option("Standard_D4s_v5", "eastus-1", .onDemand), catalog: catalog))
            #expect(env.unavailable.isUnavailable(option("Standard_D8s_v5", "eastus-1", .spot), catalog: catalog))
            #expect(!env.unavailable.isUnavailable(option("Standard_D2s_v5", "eastus-1", .spot), catalog: catalog))
            #expect(!env.unavailable.isUnavailable(option("Standard_D4as_v5", "eastus-1", .spot), catalog: catalog))
            #expect(!env.unavailable.isUnavailable(option("Standard_D8s_v5", "eastus-2", .spot), catalog: catalog))

            env.clock.advance(by: 3601)
            #expect(!env.unavailable.isUnavailable(option("Standard_D4s_v5", "eastus-1", .spot), catalog: catalog))
        }
    }

    @Test("An offering already blocked is skipped without an ARM call")
    func blockedOfferingSkipped() async throws {
        try await AzureTestEnvironment.with { env in
            env.simulator.addCapacityFault(CapacityFault(vmSize: "Standard_D4s_v5", zone: "1", error: .zonalAllocationFailed))
            _ = try await env.provider.launch(env.request("default-first", [
                option("Standard_D4s_v5", "eastus-1", .spot), option("Standard_D4s_v5", "eastus-2", .spot)]))
            let vmPutsBefore = env.requests("PUT", endingWith: "virtualMachines/aks-default-second")
            let result = try await env.provider.launch(env.request("default-second", [
                option("Standard_D4s_v5", "eastus-1", .onDemand), option("Standard_D4s_v5", "eastus-3", .onDemand)]))
            #expect(vmPutsBefore == 0)
            #expect(result.skipped == [option("Standard_D4s_v5", "eastus-1", .onDemand)])
            #expect(result.option.zone == "eastus-3")
            #expect(env.requests("PUT", endingWith: "virtualMachines/aks-default-second") == 1)
        }
    }

    @Test("LowPriorityCores quota: every spot offering blocked for 1 h, the on-demand fallback used")
    func lowPriorityQuota() async throws {
        try await AzureTestEnvironment.with { env in
            env.simulator.addCapacityFault(CapacityFault(priority: .spot, error: .lowPriorityQuota(limit: 10, usage: 10)))
            let result = try await env.provider.launch(env.request("default-spot1", [
                option("Standard_D4s_v5", "eastus-1", .spot), option("Standard_E4s_v5", "eastus-2", .spot),
                option("Standard_D4s_v5", "eastus-1", .onDemand)]))
            #expect(result.option == option("Standard_D4s_v5", "eastus-1", .onDemand))
            #expect(result.failures.map(\.kind) == [.lowPriorityQuota])
            #expect(result.skipped == [option("Standard_E4s_v5", "eastus-2", .spot)])
            #expect(env.unavailable.isUnavailable(option("Standard_NC24ads_A100_v4", "0", .spot), catalog: nil))
            env.clock.advance(by: 3601)
            #expect(!env.unavailable.isUnavailable(option("Standard_NC24ads_A100_v4", "0", .spot), catalog: nil))
        }
    }

    @Test("Family cores quota: 10 min, or 1 h when the limit is 0; every zone of that capacity type")
    func familyQuota() async throws {
        for (limit, ttl) in [(24, 600.0), (0, 3600.0)] {
            try await AzureTestEnvironment.with { env in
                env.simulator.addCapacityFault(CapacityFault(
                    vmSize: "Standard_D4s_v5", error: .familyQuota(family: "standardDSv5Family", limit: limit, usage: limit)))
                let result = try await env.provider.launch(env.request("default-quota", [
                    option("Standard_D4s_v5", "eastus-1", .onDemand), option("Standard_D4as_v5", "eastus-1", .onDemand)]))
                #expect(result.option.instanceType == "Standard_D4as_v5")
                #expect(result.failures.map(\.kind) == [.familyQuota])
                let catalog = AzureTestEnvironment.catalog
                #expect(env.unavailable.isUnavailable(option("Standard_D4s_v5", "eastus-2", .onDemand), catalog: catalog))
                #expect(env.unavailable.isUnavailable(option("Standard_D8s_v5", "0", .onDemand), catalog: catalog))
                #expect(!env.unavailable.isUnavailable(option("Standard_D4s_v5", "eastus-2", .spot), catalog: catalog))
                env.clock.advance(by: ttl - 5)
                #expect(env.unavailable.isUnavailable(option("Standard_D4s_v5", "eastus-2", .onDemand), catalog: catalog))
                env.clock.advance(by: 10)
                #expect(!env.unavailable.isUnavailable(option("Standard_D4s_v5", "eastus-2", .onDemand), catalog: catalog))
            }
        }
    }

    @Test("Regional cores quota blocks nothing but skips the other on-demand options; spot still tried")
    func regionalQuota() async throws {
        try await AzureTestEnvironment.with { env in
            env.simulator.addCapacityFault(CapacityFault(priority: .regular, error: .regionalQuota(limit: 100, usage: 100)))
            let result = try await env.provider.launch(env.request("default-region", [
                option("Standard_D4s_v5", "eastus-1", .onDemand), option("Standard_E4s_v5", "eastus-1", .onDemand),
                option("Standard_D4s_v5", "eastus-1", .spot)]))
            #expect(result.option == option("Standard_D4s_v5", "eastus-1", .spot))
            #expect(result.failures.map(\.kind) == [.regionalQuota])
            #expect(result.skipped == [option("Standard_E4s_v5", "eastus-1", .onDemand)])
            #expect(env.unavailable.activeBlocks.isEmpty)
        }
    }

    @Test("When every option fails, the launch reports insufficient capacity and leaves no VM or NIC")
    func allOptionsFail() async throws {
        try await AzureTestEnvironment.with { env in
            env.simulator.addCapacityFault(CapacityFault(error: .allocationFailed))
            do {
                _ = try await env.provider.launch(env.request("default-none", [
                    option("Standard_D4s_v5", "eastus-1", .spot), option("Standard_E4s_v5", "0", .onDemand)]))
                Issue.record("launch succeeded without capacity")
            } catch AzureLaunchError.insufficientCapacity(let failures, let skipped) {
                #expect(failures.map(\.kind) == [.allocationFailed, .allocationFailed])
                #expect(skipped.isEmpty)
            }
            #expect(env.simulator.virtualMachines.isEmpty)
            #expect(env.simulator.networkInterfaceNames.isEmpty)
        }
    }

    @Test("A failed operation that is not about capacity cleans up and is rethrown without blocking offerings")
    func nonCapacityFailure() async throws {
        try await AzureTestEnvironment.with { env in
            env.simulator.addCapacityFault(CapacityFault(error: .internalExecutionError, count: 1))
            await #expect { try await env.provider.launch(env.request("default-oops", [
                option("Standard_D4s_v5", "eastus-1", .spot), option("Standard_D4s_v5", "eastus-2", .spot)]))
            } throws: { ($0 as? ARMError)?.code == "InternalExecutionError" && ($0 as? ARMError)?.status == nil }
            #expect(env.simulator.virtualMachines.isEmpty)
            #expect(env.simulator.networkInterfaceNames.isEmpty)
            #expect(env.unavailable.activeBlocks.isEmpty)
            let retry = try await env.provider.launch(env.request("default-oops", [option("Standard_D4s_v5", "eastus-1", .spot)]))
            #expect(retry.option.zone == "eastus-1")
        }
    }
}
