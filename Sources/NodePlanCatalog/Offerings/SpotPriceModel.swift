/// Estimates spot prices, which the catalog's data does not contain, as a fraction of on-demand.
///
/// Deterministic and documented in docs/catalog.md: the first matching rule wins, in this order —
/// `sizeRatios[name]`, `seriesRatios[series]`, `noDiscountAccelerators` (ratio 1), `gpuRatio` for GPU sizes,
/// `familyRatios[family]`, `newGenerationRatio` for version ≥ `newGenerationVersion`, then `defaultRatio`.
/// Ratios are spot ÷ on-demand; results are rounded to 6 decimals (a micro-dollar per hour).
public struct SpotPriceModel: Hashable, Sendable, Codable {
    public var defaultRatio: Double
    public var familyRatios: [String: Double]
    public var gpuRatio: Double
    /// Accelerators whose spot meter is priced like on-demand (the newest, scarcest GPUs).
    public var noDiscountAccelerators: Set<String>
    public var newGenerationVersion: Int
    public var newGenerationRatio: Double
    public var seriesRatios: [String: Double]
    public var sizeRatios: [String: Double]

    public init(defaultRatio: Double, familyRatios: [String: Double] = [:], gpuRatio: Double,
                noDiscountAccelerators: Set<String> = [], newGenerationVersion: Int = 6, newGenerationRatio: Double,
                seriesRatios: [String: Double] = [:], sizeRatios: [String: Double] = [:]) {
        self.defaultRatio = defaultRatio
        self.familyRatios = familyRatios
        self.gpuRatio = gpuRatio
        self.noDiscountAccelerators = noDiscountAccelerators
        self.newGenerationVersion = newGenerationVersion
        self.newGenerationRatio = newGenerationRatio
        self.seriesRatios = seriesRatios
        self.sizeRatios = sizeRatios
    }

    /// Ratios calibrated on public eastus spot samples (docs/catalog.md): A 0.11, B 0.275, GPUs 0.2,
    /// H100/H200/GB200/GB300/MI300X undiscounted, v6 and newer 0.25, everything else 0.2.
    public static let standard = SpotPriceModel(
        defaultRatio: 0.20, familyRatios: ["A": 0.11, "B": 0.275], gpuRatio: 0.20,
        noDiscountAccelerators: ["H100", "H200", "GB200", "GB300", "MI300X"], newGenerationVersion: 6,
        newGenerationRatio: 0.25)

    /// Spot ÷ on-demand for `sku`.
    public func ratio(for sku: AzureSKU) -> Double {
        if let ratio = sizeRatios[sku.name] { return ratio }
        if let ratio = seriesRatios[sku.series] { return ratio }
        if let gpu = sku.gpu {
            return noDiscountAccelerators.contains(gpu.name) ? 1 : gpuRatio
        }
        if let ratio = familyRatios[sku.family] { return ratio }
        if let version = Int(sku.version), version >= newGenerationVersion { return newGenerationRatio }
        return defaultRatio
    }

    /// Spot price of `sku` given its on-demand price.
    public func spotPrice(for sku: AzureSKU, onDemand: Double) -> Double {
        (onDemand * ratio(for: sku) * 1_000_000).rounded() / 1_000_000
    }
}
