import NodePlanCatalog
import Testing

@Suite struct AzureCatalogZonesTests {
    func zones(_ sku: String, _ region: String) throws -> [String] {
        let catalog = try AzureCatalog.builtIn()
        return catalog.zones(of: try #require(catalog.sku(named: sku)), in: try #require(catalog.region(named: region)))
    }

    @Test func zonalRegionWithoutSKUFactsUsesTheRegionsZones() throws {
        #expect(try zones("Standard_D4s_v5", "westeurope") == ["0", "westeurope-1", "westeurope-2", "westeurope-3"])
    }

    @Test func nonZonalRegionOffersOnlyTheRegionalZone() throws {
        #expect(try zones("Standard_D4s_v5", "westus") == ["0"])
    }

    @Test func recordedZonesWinOverTheRegionsZones() throws {
        #expect(try zones("Standard_NC24ads_A100_v4", "eastus") == ["0", "eastus-3"])
        #expect(try zones("Standard_NC24ads_A100_v4", "southcentralus") == ["0", "southcentralus-1", "southcentralus-3"])
    }

    @Test func restrictedZonesAreRemoved() throws {
        #expect(try zones("Standard_M8-2ms", "eastus") == ["0", "eastus-2", "eastus-3"])
        #expect(try zones("Standard_NC6s_v3", "eastus") == ["0"])
    }
}
