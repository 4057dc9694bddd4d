import NodePlanCatalog
import Testing

@Suite struct AzureCatalogTests {
    let catalog = AzureCatalog(
        skus: [AzureSKU(name: "Standard_Y4", vCPUs: 4, memoryGiB: 16, family: "Y", series: "Y", version: "1"),
               AzureSKU(name: "Standard_X2", vCPUs: 2, memoryGiB: 8, family: "X", series: "X", version: "1")],
        regions: [AzureRegion(name: "eastus", zones: ["1", "2"], hasPrices: true),
                  AzureRegion(name: "newregion", zones: [], hasPrices: false)],
        prices: ["eastus": ["Standard_X2": 0.1, "Standard_Y4": 0.2]],
        regionFacts: ["eastus": ["Standard_Y4": SKURegionFacts(zones: ["2"])]])

    @Test func sortsSKUsAndLooksThemUp() {
        #expect(catalog.skus.map(\.name) == ["Standard_X2", "Standard_Y4"])
        #expect(catalog.sku(named: "Standard_Y4")?.vCPUs == 4)
        #expect(catalog.sku(named: "Standard_Z") == nil)
        #expect(catalog.region(named: "mars") == nil)
    }

    @Test func pricesFallBackToEastUS() {
        #expect(catalog.onDemandPrice(of: "Standard_Y4", in: "eastus") == 0.2)
        #expect(catalog.onDemandPrice(of: "Standard_Y4", in: "newregion") == 0.2)
        #expect(catalog.onDemandPrice(of: "Standard_Z", in: "eastus") == nil)
    }

    @Test func factsByRegion() throws {
        #expect(catalog.facts(in: "eastus").keys.sorted() == ["Standard_Y4"])
        #expect(catalog.facts(in: "newregion").isEmpty)
        let eastus = try #require(catalog.region(named: "eastus"))
        #expect(catalog.zones(of: try #require(catalog.sku(named: "Standard_Y4")), in: eastus) == ["0", "eastus-2"])
        #expect(catalog.zones(of: try #require(catalog.sku(named: "Standard_X2")), in: eastus)
            == ["0", "eastus-1", "eastus-2"])
    }
}
