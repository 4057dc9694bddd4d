/// The ARM launch failures that say something about where capacity is (Karpenter Azure's table,
/// docs/azure.md): each marks offerings unavailable for a while so the next attempt goes elsewhere.
public enum CapacityFailureKind: String, Hashable, Sendable, CaseIterable {
    /// `OperationNotAllowed` for the `LowPriorityCores` quota: no spot anywhere.
    case lowPriorityQuota = "LowPriorityCoresQuota"
    /// `OperationNotAllowed` for a VM family's cores quota.
    case familyQuota = "FamilyCoresQuota"
    case skuNotAvailable = "SkuNotAvailable"
    case zonalAllocationFailed = "ZonalAllocationFailed"
    case allocationFailed = "AllocationFailed"
    case overconstrainedZonalAllocation = "OverconstrainedZonalAllocationRequest"
    case overconstrainedAllocation = "OverconstrainedAllocationRequest"
    /// `OperationNotAllowed` for the region's total cores: no other on-demand size helps.
    case regionalQuota = "TotalRegionalCoresQuota"
    /// The size is not offered to this subscription at all.
    case sizeNotSupported = "VMSizeNotSupported"

    /// The failure this ARM error reports, or nil when it is not about capacity.
    ///
    /// First match wins, in Karpenter's order; codes are looked up in the error and its details,
    /// messages are matched case-insensitively.
    public init?(_ error: ARMError) {
        let codes = Set(error.allCodes.map { $0.lowercased() })
        let text = error.allMessages.joined(separator: "\n").lowercased()
        let notAllowed = codes.contains("operationnotallowed")
        if notAllowed && text.contains("lowprioritycores") { self = .lowPriorityQuota }
        else if notAllowed && text.contains("family cores quota") { self = .familyQuota }
        else if codes.contains("skunotavailable") { self = .skuNotAvailable }
        else if codes.contains("zonalallocationfailed") { self = .zonalAllocationFailed }
        else if codes.contains("allocationfailed") { self = .allocationFailed }
        else if codes.contains("overconstrainedzonalallocationrequest") { self = .overconstrainedZonalAllocation }
        else if codes.contains("overconstrainedallocationrequest") { self = .overconstrainedAllocation }
        else if notAllowed && text.contains("total regional cores quota") { self = .regionalQuota }
        else if codes.contains("vmsizenotsupported")
                    || (codes.contains("badrequest") && text.contains("is not supported for subscription")) {
            self = .sizeNotSupported
        } else { return nil }
    }
}
