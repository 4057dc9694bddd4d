import NodePlanARMSimulator
import NodePlanAzure
import NodePlanCatalog
import NodePlanModel
import Testing

@Suite("Retail prices: live refresh, paging, filtering, fallback to the built-in catalog")
struct RetailPriceClientTests {
    private static let items: [RetailPriceItem] = [
        RetailPriceItem(armSkuName: "Standard_D4s_v5", armRegionName: "eastus", retailPrice: 0.2, skuName: "D4s v5"),
        RetailPriceItem(armSkuName: "Standard_D4s_v5", armRegionName: "eastus", retailPrice: 0.04, skuName: "D4s v5 Spot"),
        RetailPriceItem(armSkuName: "Standard_D4s_v5", armRegionName: "eastus", retailPrice: 0.03, skuName: "D4s v5 Low Priority"),
        RetailPriceItem(armSkuName: "Standard_D4s_v5", armRegionName: "eastus", retailPrice: 0.38, skuName: "D4s v5",
                        productName: "Virtual Machines DSv5 Series Windows"),
        RetailPriceItem(armSkuName: "Standard_D8s_v5", armRegionName: "eastus", retailPrice: 0.4, skuName: "D8s v5"),
        RetailPriceItem(armSkuName: "Standard_D8s_v5", armRegionName: "westus", retailPrice: 0.5, skuName: "D8s v5"),
        RetailPriceItem(armSkuName: "Standard_E4s_v5", armRegionName: "eastus", retailPrice: 0.07, skuName: "E4s v5 Spot"),
    ]

    @Test("Prices of one region across pages; Windows and Low Priority meters skipped; Spot meters are spot")
    func livePrices() async throws {
        try await AzureTestEnvironment.with { env in
            env.simulator.setRetailPrices(Self.items)
            let client = RetailPriceClient(endpoint: env.baseURL + "/api/retail/prices", transport: env.transport,
                                           clock: env.clock.azureClock)
            let prices = try await client.prices(region: "eastus")
            #expect(prices.onDemand == ["Standard_D4s_v5": 0.2, "Standard_D8s_v5": 0.4])
            #expect(prices.spot == ["Standard_D4s_v5": 0.04, "Standard_E4s_v5": 0.07])
            #expect(prices.source == .retailPrices)
        }
    }

    @Test("Live prices lay over the built-in ones; an outage falls back to the catalog and says why")
    func fallback() async throws {
        try await AzureTestEnvironment.with { env in
            env.simulator.setRetailPrices(Self.items)
            let catalog = AzureTestEnvironment.catalog
            let client = RetailPriceClient(endpoint: env.baseURL + "/api/retail/prices", transport: env.transport,
                                           clock: env.clock.azureClock)
            let builtIn = RegionPrices.builtIn(region: "eastus", catalog: catalog)
            let (live, liveError) = await client.pricesOrBuiltIn(region: "eastus", catalog: catalog)
            #expect(liveError == nil)
            #expect(live.source == .retailPrices)
            #expect(live.onDemand["Standard_D4s_v5"] == 0.2)
            #expect(live.spot["Standard_E4s_v5"] == 0.07)
            #expect(live.onDemand["Standard_E4s_v5"] == catalog.onDemandPrice(of: "Standard_E4s_v5", in: "eastus"))
            #expect(live.onDemand.count == builtIn.onDemand.count)

            env.simulator.setRetailPricesOutage(true)
            let (fallback, fallbackError) = await client.pricesOrBuiltIn(region: "eastus", catalog: catalog)
            #expect(fallback == builtIn)
            #expect((fallbackError as? ARMError)?.status == 503)
            #expect(builtIn.spot["Standard_D4s_v5"]
                == SpotPriceModel.standard.spotPrice(for: catalog.sku(named: "Standard_D4s_v5")!,
                                                     onDemand: builtIn.onDemand["Standard_D4s_v5"]!))
        }
    }

    @Test("Prices become catalog overrides the instance-type resolver applies")
    func overridesReachInstanceTypes() throws {
        let catalog = AzureTestEnvironment.catalog
        let prices = RegionPrices(region: "eastus", onDemand: ["Standard_D4s_v5": 0.25, "Standard_Unknown_v9": 1],
                                  spot: ["Standard_D4s_v5": 0.05], source: .retailPrices)
        let overrides = prices.offeringOverrides(catalog: catalog)
        #expect(overrides.count == 2)
        let snapshot = Snapshot(cluster: Cluster(region: "eastus"),
                                catalog: CatalogSelection(instanceTypes: ["Standard_D4s_v5"], overrides: overrides),
                                nodePools: [NodePool(name: "default")], nodeClasses: [AKSNodeClass()])
        let types = try InstanceTypeResolver(catalog: catalog).instanceTypes(for: snapshot)["default"] ?? []
        let offerings = try #require(types.first { $0.name == "Standard_D4s_v5" }).offerings
        #expect(offerings.filter { $0.capacityType == .onDemand }.allSatisfy { $0.price == 0.25 })
        #expect(offerings.filter { $0.capacityType == .spot }.allSatisfy { $0.price == 0.05 })
    }
}
