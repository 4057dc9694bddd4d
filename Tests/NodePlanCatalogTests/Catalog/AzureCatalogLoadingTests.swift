import Foundation
import NodePlanCatalog
import Testing

@Suite struct AzureCatalogLoadingTests {
    @Test func builtInHoldsEverySKUAndRegion() throws {
        let catalog = try AzureCatalog.builtIn()
        #expect(catalog.skus.count == 1505)
        #expect(catalog.skus.map(\.name) == catalog.skus.map(\.name).sorted())
        #expect(catalog.regions.count == 61)
        #expect(catalog.regions.filter(\.hasPrices).count == 57)
    }

    @Test func skuFactsMatchTheData() throws {
        let catalog = try AzureCatalog.builtIn()
        let d4 = try #require(catalog.sku(named: "Standard_D4s_v5"))
        #expect(d4.vCPUs == 4)
        #expect(d4.memoryGiB == 16)
        #expect(d4.memorySource == .autoscaler)
        #expect(d4.quotaFamily == "standardDSv5Family")
        #expect(d4.series == "Ds_v5")
        #expect(d4.knownToKarpenter)
        let a100 = try #require(catalog.sku(named: "Standard_NC24ads_A100_v4"))
        #expect(a100.memoryGiB == 220)
        #expect(a100.ephemeralOSMaxSizeGB == 274)
        #expect(a100.capabilitiesInferred == false)
        #expect(a100.gpu == AzureGPU(count: 1, manufacturer: "nvidia", name: "A100", karpenterSupported: true,
                                     driverInstallSupported: true, supportedOS: ["ubuntu", "windows", "azurelinux3"]))
    }

    @Test func newestSizesGetVCPUsFromTheNameAndInferredMemory() throws {
        let catalog = try AzureCatalog.builtIn()
        let d8 = try #require(catalog.sku(named: "Standard_D8ds_v7"))
        #expect(d8.vCPUs == 8)
        #expect(d8.memoryGiB == 32)
        #expect(d8.memorySource == .inferred)
        #expect(d8.architecture == "amd64" && d8.architectureInferred)
        let gb300 = try #require(catalog.sku(named: "Standard_ND128isr_GB300_v6"))
        #expect(gb300.vCPUs == 128)
        #expect(gb300.memoryGiB == nil)
    }

    @Test func pricesComeFromTheRegionTable() throws {
        let catalog = try AzureCatalog.builtIn()
        #expect(catalog.onDemandPrice(of: "Standard_D4s_v5", in: "eastus") == 0.192)
        #expect(catalog.onDemandPrice(of: "Standard_NC24ads_A100_v4", in: "eastus") == 3.673)
        #expect(catalog.onDemandPrice(of: "Standard_D4_v2_Promo", in: "eastus") == nil)
    }

    @Test func regionsWithoutATableUseEastUSPrices() throws {
        let catalog = try AzureCatalog.builtIn()
        let belgium = try #require(catalog.region(named: "belgiumcentral"))
        #expect(!belgium.hasPrices && belgium.zones == ["1", "2", "3"])
        #expect(catalog.onDemandPrice(of: "Standard_D4s_v5", in: "belgiumcentral") == 0.192)
    }

    @Test func zoneAndRestrictionFactsAreKept() throws {
        let catalog = try AzureCatalog.builtIn()
        #expect(catalog.facts(of: "Standard_M8-2ms", in: "eastus")
            == SKURegionFacts(zones: ["1", "2", "3"], restrictedZones: ["1"]))
        #expect(catalog.facts(of: "Standard_A0", in: "westcentralus")?.locationRestricted == true)
        #expect(catalog.facts(of: "Standard_D4s_v5", in: "eastus") == nil)
    }

    @Test func loadingFromAFolderWithoutTablesNamesTheMissingFile() {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("nodeplan-no-catalog-\(#line)")
        #expect(throws: CatalogError.missingResource(file: "skus.tsv")) {
            try AzureCatalog.load(directory: empty)
        }
    }
}
