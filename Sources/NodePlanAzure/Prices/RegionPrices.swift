import NodePlanCatalog
import NodePlanModel

/// Linux VM prices of one region, USD per hour, by size name.
public struct RegionPrices: Hashable, Sendable {
    /// Where the prices came from.
    public enum Source: String, Hashable, Sendable {
        /// The retail prices API, with built-in prices for sizes it did not list.
        case retailPrices = "retail-prices"
        /// The built-in catalog (on-demand table, spot estimated by `SpotPriceModel`).
        case builtIn = "built-in"
    }

    public var region: String
    public var onDemand: [String: Double]
    public var spot: [String: Double]
    public var source: Source

    public init(region: String, onDemand: [String: Double], spot: [String: Double], source: Source) {
        self.region = region
        self.onDemand = onDemand
        self.spot = spot
        self.source = source
    }

    /// The catalog's prices for `region`: on-demand from its table (sizes Karpenter knows), spot from
    /// `spotPriceModel`.
    public static func builtIn(region: String, catalog: AzureCatalog, spotPriceModel: SpotPriceModel = .standard)
        -> RegionPrices {
        var onDemand: [String: Double] = [:]
        var spot: [String: Double] = [:]
        for sku in catalog.skus where sku.knownToKarpenter {
            guard let price = catalog.onDemandPrice(of: sku.name, in: region) else { continue }
            onDemand[sku.name] = price
            spot[sku.name] = spotPriceModel.spotPrice(for: sku, onDemand: price)
        }
        return RegionPrices(region: region, onDemand: onDemand, spot: spot, source: .builtIn)
    }

    /// These prices as catalog overrides (`CatalogSelection.overrides`): one per size and capacity type,
    /// all zones, price only. Sizes the catalog does not know, or that Karpenter does not know (they
    /// keep `AzureCatalog.missingPrice`), are left out.
    public func offeringOverrides(catalog: AzureCatalog) -> [OfferingOverride] {
        var overrides: [OfferingOverride] = []
        for sku in catalog.skus where sku.knownToKarpenter {
            if let price = spot[sku.name] {
                overrides.append(OfferingOverride(instanceType: sku.name, capacityType: .spot, price: price))
            }
            if let price = onDemand[sku.name] {
                overrides.append(OfferingOverride(instanceType: sku.name, capacityType: .onDemand, price: price))
            }
        }
        return overrides
    }
}
