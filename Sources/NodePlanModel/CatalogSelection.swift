/// Which reservation model turns VM capacity into allocatable.
public enum OverheadModel: String, Hashable, Sendable, Codable {
    /// Karpenter Azure today: kube-reserved tax brackets, 750Mi eviction, 7.5% VM memory overhead.
    case taxBrackets = "tax-brackets"
    /// AKS 1.29+: kube-reserved memory min(20 × maxPods + 50 MiB, 25% of memory), 100Mi eviction.
    case aksMaxPods = "aks-max-pods"
}

/// A change to the built-in catalog: a price, an availability, or a whole custom SKU.
public struct OfferingOverride: Hashable, Sendable, Codable {
    public var instanceType: String
    /// Empty matches every zone.
    public var zone: String
    /// Nil matches both capacity types.
    public var capacityType: CapacityType?
    public var price: Double?
    public var available: Bool?

    public init(instanceType: String, zone: String = "", capacityType: CapacityType? = nil, price: Double? = nil,
                available: Bool? = nil) {
        self.instanceType = instanceType
        self.zone = zone
        self.capacityType = capacityType
        self.price = price
        self.available = available
    }
}

/// Asks for instance types from the built-in Azure catalog instead of (or besides) explicit ones.
public struct CatalogSelection: Hashable, Sendable, Codable {
    /// Region whose SKUs and prices to use; empty means the cluster's region.
    public var region: String
    public var overheadModel: OverheadModel
    /// Restrict to these SKU names; empty means every eligible SKU.
    public var instanceTypes: [String]
    public var overrides: [OfferingOverride]

    public init(region: String = "", overheadModel: OverheadModel = .taxBrackets, instanceTypes: [String] = [],
                overrides: [OfferingOverride] = []) {
        self.region = region
        self.overheadModel = overheadModel
        self.instanceTypes = instanceTypes
        self.overrides = overrides
    }
}
