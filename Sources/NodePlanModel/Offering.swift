/// Capacity types Karpenter distinguishes; Azure offers on-demand and spot.
public enum CapacityType: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case spot = "spot"
    case onDemand = "on-demand"
    case reserved = "reserved"

    /// Order used to break price ties: spot before on-demand (Azure's allocation strategy).
    public static func < (lhs: CapacityType, rhs: CapacityType) -> Bool { lhs.rank < rhs.rank }
    private var rank: Int { switch self { case .reserved: 0; case .spot: 1; case .onDemand: 2 } }
}

/// Where and how an instance type can be bought, and at what hourly price.
public struct Offering: Hashable, Sendable, Codable {
    /// `<region>-<n>` for a zone, `"0"` for a regional (non-zonal) VM.
    public var zone: String
    public var capacityType: CapacityType
    /// USD per hour.
    public var price: Double
    public var available: Bool

    public init(zone: String, capacityType: CapacityType, price: Double, available: Bool = true) {
        self.zone = zone
        self.capacityType = capacityType
        self.price = price
        self.available = available
    }
}
