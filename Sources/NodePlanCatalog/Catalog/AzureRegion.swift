/// An Azure region the catalog can build instance types for.
public struct AzureRegion: Hashable, Sendable {
    public var name: String
    /// Logical availability zones, e.g. `["1", "2", "3"]`; empty for a non-zonal region.
    public var zones: [String]
    /// True when the catalog has an on-demand price table for the region (otherwise eastus prices apply).
    public var hasPrices: Bool

    public init(name: String, zones: [String], hasPrices: Bool) {
        self.name = name
        self.zones = zones
        self.hasPrices = hasPrices
    }
}
