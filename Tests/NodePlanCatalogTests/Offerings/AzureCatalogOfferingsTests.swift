import NodePlanCatalog
import NodePlanModel
import Testing

@Suite struct AzureCatalogOfferingsTests {
    func offerings(_ sku: String, _ region: String, model: SpotPriceModel = .standard) throws -> [Offering] {
        let catalog = try AzureCatalog.builtIn()
        return catalog.offerings(of: try #require(catalog.sku(named: sku)), in: try #require(catalog.region(named: region)),
                                 spotPriceModel: model)
    }

    @Test func spotAndOnDemandPerZone() throws {
        let offerings = try offerings("Standard_D4s_v5", "eastus")
        #expect(offerings.count == 8)
        #expect(offerings.map(\.zone) == ["0", "0", "eastus-1", "eastus-1", "eastus-2", "eastus-2", "eastus-3", "eastus-3"])
        #expect(offerings.filter { $0.capacityType == .onDemand }.allSatisfy { $0.price == 0.192 && $0.available })
        #expect(offerings.filter { $0.capacityType == .spot }.allSatisfy { $0.price == 0.0384 && $0.available })
    }

    @Test func spotIsUnavailableWithoutLowPriorityCapability() throws {
        let offerings = try offerings("Standard_B2s", "eastus")
        #expect(offerings.filter { $0.capacityType == .spot }.allSatisfy { !$0.available })
        #expect(offerings.filter { $0.capacityType == .onDemand }.allSatisfy { $0.available })
    }

    @Test func sizesWithoutPriceCostTheMissingPrice() throws {
        let offerings = try offerings("Standard_D4_v2_Promo", "eastus")
        #expect(!offerings.isEmpty && offerings.allSatisfy { $0.price == AzureCatalog.missingPrice })
    }

    @Test func sizesUnknownToKarpenterCostTheMissingPrice() throws {
        let catalog = try AzureCatalog.builtIn()
        let unknown = try #require(catalog.skus.first { !$0.knownToKarpenter && catalog.onDemandPrice(of: $0.name, in: "eastus") != nil })
        let offerings = catalog.offerings(of: unknown, in: try #require(catalog.region(named: "eastus")),
                                          spotPriceModel: .standard)
        #expect(offerings.allSatisfy { $0.price == AzureCatalog.missingPrice })
    }
}
