import NodePlanCatalog
import Testing

@Suite struct SpotPriceModelTests {
    func sku(_ name: String) throws -> AzureSKU { try #require(try AzureCatalog.builtIn().sku(named: name)) }

    @Test func standardRatiosByClass() throws {
        let model = SpotPriceModel.standard
        #expect(model.ratio(for: try sku("Standard_D4s_v5")) == 0.20)
        #expect(model.ratio(for: try sku("Standard_D4as_v6")) == 0.25)
        #expect(model.ratio(for: try sku("Standard_A2_v2")) == 0.11)
        #expect(model.ratio(for: try sku("Standard_B16als_v2")) == 0.275)
        #expect(model.ratio(for: try sku("Standard_NC24ads_A100_v4")) == 0.20)
        #expect(model.ratio(for: try sku("Standard_NC40ads_H100_v5")) == 1)
    }

    @Test func pricesAreRoundedToMicroDollars() throws {
        #expect(SpotPriceModel.standard.spotPrice(for: try sku("Standard_A2_v2"), onDemand: 0.0903) == 0.009933)
        #expect(SpotPriceModel.standard.spotPrice(for: try sku("Standard_B16als_v2"), onDemand: 0.533) == 0.146575)
    }

    @Test func sizeAndSeriesRatiosOverrideTheClasses() throws {
        var model = SpotPriceModel.standard
        model.seriesRatios["Ds_v5"] = 0.5
        #expect(model.ratio(for: try sku("Standard_D4s_v5")) == 0.5)
        model.sizeRatios["Standard_D4s_v5"] = 0.9
        #expect(model.ratio(for: try sku("Standard_D4s_v5")) == 0.9)
        #expect(model.ratio(for: try sku("Standard_D2s_v5")) == 0.5)
    }
}
