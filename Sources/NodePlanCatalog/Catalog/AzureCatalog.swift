/// Azure VM sizes, regions, zones and on-demand prices: the facts instance types are built from.
///
/// A value type holding dense arrays indexed by SKU and price region; `builtIn()` loads the data
/// shipped in the package once. Prices are USD per hour for Linux on-demand VMs.
public struct AzureCatalog: Sendable {
    /// Price Karpenter gives sizes it does not know or has no price for: never chosen unless required.
    public static let missingPrice = 999.0
    /// Region whose prices apply where a region has no price table of its own (Karpenter's fallback).
    public static let fallbackPriceRegion = "eastus"

    /// Every size, sorted by name.
    public let skus: [AzureSKU]
    /// Every region, sorted by name.
    public let regions: [AzureRegion]
    private let skuIndex: [String: Int]
    private let regionIndex: [String: Int]
    /// Price regions (columns of `prices`), sorted by name.
    private let priceRegions: [String: Int]
    /// On-demand prices, `skus.count` rows of `priceRegions.count` columns; NaN where there is no price.
    private let prices: [Double]
    /// Zone and restriction facts keyed by region, then by SKU name.
    private let regionFacts: [String: [String: SKURegionFacts]]

    /// - Parameters:
    ///   - prices: on-demand USD per hour, by region then SKU name.
    ///   - regionFacts: zones and restrictions, by region then SKU name.
    public init(skus: [AzureSKU], regions: [AzureRegion], prices: [String: [String: Double]],
                regionFacts: [String: [String: SKURegionFacts]] = [:]) {
        let sortedSKUs = skus.sorted { $0.name < $1.name }
        let priceRegionNames = prices.keys.sorted()
        var table = [Double](repeating: .nan, count: sortedSKUs.count * priceRegionNames.count)
        for (row, sku) in sortedSKUs.enumerated() {
            for (column, region) in priceRegionNames.enumerated() {
                if let price = prices[region]?[sku.name] { table[row * priceRegionNames.count + column] = price }
            }
        }
        self.init(sortedSKUs: sortedSKUs, regions: regions, priceRegions: priceRegionNames, prices: table,
                  regionFacts: regionFacts)
    }

    /// Takes SKUs already sorted by name and a price table laid out as `prices` documents.
    init(sortedSKUs: [AzureSKU], regions: [AzureRegion], priceRegions: [String], prices: [Double],
         regionFacts: [String: [String: SKURegionFacts]]) {
        self.skus = sortedSKUs
        self.regions = regions.sorted { $0.name < $1.name }
        self.skuIndex = Dictionary(uniqueKeysWithValues: sortedSKUs.enumerated().map { ($1.name, $0) })
        self.regionIndex = Dictionary(uniqueKeysWithValues: self.regions.enumerated().map { ($1.name, $0) })
        self.priceRegions = Dictionary(uniqueKeysWithValues: priceRegions.enumerated().map { ($1, $0) })
        self.prices = prices
        self.regionFacts = regionFacts
    }

    public func sku(named name: String) -> AzureSKU? { skuIndex[name].map { skus[$0] } }

    public func region(named name: String) -> AzureRegion? { regionIndex[name].map { regions[$0] } }

    /// On-demand price of `sku` in `region`, from the fallback region's table when `region` has none;
    /// nil when there is no price.
    public func onDemandPrice(of sku: String, in region: String) -> Double? {
        guard let row = skuIndex[sku],
              let column = priceRegions[region] ?? priceRegions[Self.fallbackPriceRegion] else { return nil }
        let price = prices[row * priceRegions.count + column]
        return price.isNaN ? nil : price
    }

    /// Zones and restrictions the data records for `sku` in `region`, if any.
    public func facts(of sku: String, in region: String) -> SKURegionFacts? { regionFacts[region]?[sku] }

    /// Zones and restrictions the data records in `region`, by SKU name.
    public func facts(in region: String) -> [String: SKURegionFacts] { regionFacts[region] ?? [:] }
}
