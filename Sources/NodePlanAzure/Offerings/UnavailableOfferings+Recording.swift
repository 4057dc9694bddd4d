import NodePlanModel

extension UnavailableOfferings {
    /// TTLs of Karpenter Azure's unavailable-offerings cache, in seconds.
    public enum TTL {
        public static let spotQuota = 3600.0
        public static let familyQuotaExhausted = 3600.0
        public static let familyQuota = 600.0
        public static let spotSKUNotAvailable = 3600.0
        public static let onDemandSKUNotAvailable = 23 * 3600.0
        public static let allocation = 3600.0
        public static let sizeNotSupported = 23 * 3600.0
    }

    /// Blocks what `failure` says is out of capacity after launching `option` failed; the error's
    /// message decides the family-quota TTL (`Current Limit: 0` means the quota is zero, so longer).
    ///
    /// Besides the size's own entry, same-family sizes with at least as many vCPUs are blocked in the
    /// same zones and capacity types (they need at least as much of what was missing). A regional-cores
    /// quota blocks nothing: no other offering of the same capacity type helps.
    ///
    /// - Parameters:
    ///   - family: the size's ARM quota family (`AzureSKU.quotaFamily`), empty when unknown.
    public func record(_ failure: CapacityFailureKind, error: ARMError, option: LaunchOption, family: String,
                       vCPUs: Int) {
        let scope: ZoneScope = option.zone == "0" ? .regional : .zonal
        let both: Set<CapacityType> = [.spot, .onDemand]
        let attempted: Set<CapacityType> = [option.capacityType]
        let reason = "\(failure.rawValue) for \(option.instanceType) in \(option.zone) (\(option.capacityType.rawValue))"
        switch failure {
        case .lowPriorityQuota:
            block(sku: nil, zones: .all, capacityTypes: [.spot], ttl: TTL.spotQuota, reason: reason)
            return
        case .regionalQuota:
            return
        case .familyQuota:
            let exhausted = error.allMessages.contains { $0.contains("Current Limit: 0") }
            blockSizeAndFamily(option.instanceType, family: family, vCPUs: vCPUs, zones: .all, capacityTypes: attempted,
                               ttl: exhausted ? TTL.familyQuotaExhausted : TTL.familyQuota, reason: reason)
        case .skuNotAvailable:
            let ttl = option.capacityType == .spot ? TTL.spotSKUNotAvailable : TTL.onDemandSKUNotAvailable
            blockSizeAndFamily(option.instanceType, family: family, vCPUs: vCPUs, zones: scope, capacityTypes: attempted,
                               ttl: ttl, reason: reason)
        case .zonalAllocationFailed:
            blockSizeAndFamily(option.instanceType, family: family, vCPUs: vCPUs, zones: .zone(option.zone),
                               capacityTypes: both, ttl: TTL.allocation, reason: reason)
        case .allocationFailed:
            blockSizeAndFamily(option.instanceType, family: family, vCPUs: vCPUs, zones: scope, capacityTypes: both,
                               ttl: TTL.allocation, reason: reason)
        case .overconstrainedZonalAllocation:
            blockSizeAndFamily(option.instanceType, family: family, vCPUs: vCPUs, zones: .zone(option.zone),
                               capacityTypes: attempted, ttl: TTL.allocation, reason: reason)
        case .overconstrainedAllocation:
            blockSizeAndFamily(option.instanceType, family: family, vCPUs: vCPUs, zones: scope, capacityTypes: attempted,
                               ttl: TTL.allocation, reason: reason)
        case .sizeNotSupported:
            block(sku: option.instanceType, zones: .all, capacityTypes: both, ttl: TTL.sizeNotSupported, reason: reason)
        }
    }

    private func blockSizeAndFamily(_ sku: String, family: String, vCPUs: Int, zones: ZoneScope,
                                    capacityTypes: Set<CapacityType>, ttl: Double, reason: String) {
        block(sku: sku, zones: zones, capacityTypes: capacityTypes, ttl: ttl, reason: reason)
        if !family.isEmpty {
            block(sku: nil, family: family, minimumVCPUs: vCPUs, zones: zones, capacityTypes: capacityTypes, ttl: ttl,
                  reason: reason)
        }
    }
}
