import NodePlanModel

extension AzureCatalog {
    /// On-demand and spot offerings of `sku` in every zone of `region`.
    ///
    /// On-demand uses the region's price (`missingPrice` for sizes Karpenter does not know or that
    /// have no price); spot uses `spotPriceModel` and is unavailable where the size is not
    /// low-priority capable. Sorted by zone, then capacity type.
    public func offerings(of sku: AzureSKU, in region: AzureRegion, spotPriceModel: SpotPriceModel) -> [Offering] {
        let listed = sku.knownToKarpenter ? onDemandPrice(of: sku.name, in: region.name) : nil
        let onDemand = listed ?? Self.missingPrice
        let spot = listed.map { spotPriceModel.spotPrice(for: sku, onDemand: $0) } ?? Self.missingPrice
        return zones(of: sku, in: region).flatMap { zone in
            [Offering(zone: zone, capacityType: .spot, price: spot, available: sku.lowPriorityCapable),
             Offering(zone: zone, capacityType: .onDemand, price: onDemand)]
        }
    }
}
