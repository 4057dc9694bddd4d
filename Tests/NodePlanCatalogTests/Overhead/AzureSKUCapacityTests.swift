import NodePlanCatalog
import NodePlanModel
import Testing

@Suite struct AzureSKUCapacityTests {
    @Test func podsAndEphemeralStorageComeFromTheNodeClass() throws {
        let sku = try #require(try AzureCatalog.builtIn().sku(named: "Standard_D4s_v5"))
        let capacity = try #require(sku.capacity(osDiskSizeGB: 64, maxPods: 30))
        #expect(capacity[ResourceName.pods] == .units(30))
        #expect(capacity[ResourceName.ephemeralStorage] == .units(64_000_000_000))
        #expect(!capacity.contains(ResourceName.nvidiaGPU))
    }

    @Test func supportedGPUsBecomeExtendedResources() throws {
        let catalog = try AzureCatalog.builtIn()
        let h100 = try #require(catalog.sku(named: "Standard_ND96isr_H100_v5"))
        #expect(h100.capacity(osDiskSizeGB: 128, maxPods: 250)?[ResourceName.nvidiaGPU] == .units(8))
        let mi300 = try #require(catalog.sku(named: "Standard_ND96isr_MI300X_v5"))
        let amd = try #require(mi300.capacity(osDiskSizeGB: 128, maxPods: 250))
        #expect(amd[ResourceName.amdGPU] == .units(Int64(mi300.gpu?.count ?? 0)))
        #expect(!amd.contains(ResourceName.nvidiaGPU))
    }

    @Test func unknownMemoryHasNoCapacity() throws {
        let sku = try #require(try AzureCatalog.builtIn().sku(named: "Standard_ND128isr_GB300_v6"))
        #expect(sku.capacity(osDiskSizeGB: 128, maxPods: 250) == nil)
        #expect(OverheadModel.taxBrackets.overhead(for: sku, maxPods: 250) == nil)
    }
}
