/// What a resource-SKU record says about one size in one region: its zones and restrictions.
public struct SKURegionFacts: Hashable, Sendable {
    /// Logical zones the size is offered in; nil when the record lists none for the region,
    /// empty when the size is regional only there.
    public var zones: [String]?
    /// `NotAvailableForSubscription` for the whole region: the size is dropped there.
    public var locationRestricted: Bool
    /// Zones removed by zone restrictions.
    public var restrictedZones: [String]

    public init(zones: [String]?, locationRestricted: Bool = false, restrictedZones: [String] = []) {
        self.zones = zones
        self.locationRestricted = locationRestricted
        self.restrictedZones = restrictedZones
    }
}
