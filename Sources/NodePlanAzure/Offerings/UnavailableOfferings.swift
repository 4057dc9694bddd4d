import NIOConcurrencyHelpers
import NodePlanModel

/// Offerings (size × zone × capacity type) ARM recently refused, each until its TTL runs out.
///
/// Thread-safe; time comes only from the injected clock. Entries are patterns rather than single
/// offerings so that "every zone", "every zonal placement", "all spot" or "this VM family from N vCPUs
/// up" are one entry each. `sequenceNumber` grows whenever an entry is added, so callers can tell
/// when instance types built earlier are stale.
public final class UnavailableOfferings: Sendable {
    /// Where a block applies.
    public enum ZoneScope: Hashable, Sendable {
        /// One zone, `<region>-<n>` or `"0"`.
        case zone(String)
        /// Every zonal placement (not the regional `"0"`).
        case zonal
        /// The regional placement `"0"`.
        case regional
        case all

        func contains(_ zone: String) -> Bool {
            switch self {
            case .zone(let blocked): blocked == zone
            case .zonal: zone != "0"
            case .regional: zone == "0"
            case .all: true
            }
        }
    }

    /// One blocked pattern.
    public struct Block: Hashable, Sendable {
        /// A single size, or nil for every size (subject to `family`).
        public var sku: String?
        /// ARM quota family and the smallest vCPU count blocked in it; nil matches any family.
        public var family: String?
        public var minimumVCPUs: Int
        public var zones: ZoneScope
        public var capacityTypes: Set<CapacityType>
        /// Seconds since the epoch.
        public var expires: Double
        public var reason: String

        func matches(sku name: String, family skuFamily: String, vCPUs: Int, zone: String, capacityType: CapacityType)
            -> Bool {
            (sku == nil || sku == name) && (family == nil || (family == skuFamily && vCPUs >= minimumVCPUs))
                && zones.contains(zone) && capacityTypes.contains(capacityType)
        }
    }

    private struct State {
        var blocks: [Block] = []
        var sequenceNumber = 0
    }

    private let clock: AzureClock
    private let state = NIOLockedValueBox(State())

    public init(clock: AzureClock = .system) {
        self.clock = clock
    }

    /// Bumps whenever a block is added.
    public var sequenceNumber: Int { state.withLockedValue { $0.sequenceNumber } }

    /// Blocks still in force.
    public var activeBlocks: [Block] {
        let now = clock.now()
        return state.withLockedValue { state in
            state.blocks.removeAll { $0.expires <= now }
            return state.blocks
        }
    }

    /// Adds a block lasting `ttl` seconds from now.
    public func block(sku: String?, family: String? = nil, minimumVCPUs: Int = 0, zones: ZoneScope,
                      capacityTypes: Set<CapacityType>, ttl: Double, reason: String) {
        let entry = Block(sku: sku, family: family, minimumVCPUs: minimumVCPUs, zones: zones,
                          capacityTypes: capacityTypes, expires: clock.now() + ttl, reason: reason)
        state.withLockedValue { state in
            state.blocks.append(entry)
            state.sequenceNumber += 1
        }
    }

    /// Whether the offering is blocked now. `family` is the size's ARM quota family (empty if unknown).
    public func isUnavailable(sku: String, family: String, vCPUs: Int, zone: String, capacityType: CapacityType) -> Bool {
        activeBlocks.contains { $0.matches(sku: sku, family: family, vCPUs: vCPUs, zone: zone, capacityType: capacityType) }
    }
}
