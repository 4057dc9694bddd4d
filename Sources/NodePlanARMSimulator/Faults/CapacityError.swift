/// Errors ARM gives when a VM cannot be placed, with the codes and message wording real ARM uses
/// (the client matches on both).
public enum CapacityError: Hashable, Sendable {
    case skuNotAvailable
    case zonalAllocationFailed
    case allocationFailed
    case overconstrainedZonalAllocation
    case overconstrainedAllocation
    /// `OperationNotAllowed` for a VM family's cores quota, e.g. family `standardDSv5Family`.
    case familyQuota(family: String, limit: Int, usage: Int)
    /// `OperationNotAllowed` for the spot (`LowPriorityCores`) quota.
    case lowPriorityQuota(limit: Int, usage: Int)
    /// `OperationNotAllowed` for the region's total cores.
    case regionalQuota(limit: Int, usage: Int)
    /// A failure that says nothing about capacity (`InternalExecutionError`).
    case internalExecutionError

    /// How ARM reports it: quota and SKU errors reject the PUT (409), allocation failures fail the
    /// long-running operation.
    public var defaultTiming: FaultTiming {
        switch self {
        case .skuNotAvailable, .familyQuota, .lowPriorityQuota, .regionalQuota: .synchronous
        case .zonalAllocationFailed, .allocationFailed, .overconstrainedZonalAllocation, .overconstrainedAllocation,
             .internalExecutionError: .asynchronous
        }
    }

    /// ARM's error code and message for `vmSize` in `location`.
    func codeAndMessage(vmSize: String, location: String) -> (code: String, message: String) {
        let quotaDetails = { (limit: Int, usage: Int) in
            "Additional details - Deployment Model: Resource Manager, Location: \(location), Current Limit: \(limit), "
                + "Current Usage: \(usage), Additional Required: 2, (Minimum) New Limit Required: \(usage + 2). "
                + "Submit a request for Quota increase by specifying parameters listed in the 'Details' section for "
                + "deployment to succeed."
        }
        switch self {
        case .skuNotAvailable:
            return ("SkuNotAvailable", "The requested VM size for resource 'Following SKUs have failed for Capacity "
                    + "Restrictions: \(vmSize)' is currently not available in location '\(location)'. Please try another "
                    + "size or deploy to a different location or zones. See https://aka.ms/azureskunotavailable for details.")
        case .zonalAllocationFailed:
            return ("ZonalAllocationFailed", "Allocation failed. We do not have sufficient capacity for the requested "
                    + "VM size in this zone. Read more about improving likelihood of allocation success at "
                    + "http://aka.ms/allocation-guidance")
        case .allocationFailed:
            return ("AllocationFailed", "Allocation failed. We do not have sufficient capacity for the requested VM "
                    + "size in this region. Read more about improving likelihood of allocation success at "
                    + "http://aka.ms/allocation-guidance")
        case .overconstrainedZonalAllocation:
            return ("OverconstrainedZonalAllocationRequest", "Allocation failed. VM(s) with the following constraints "
                    + "cannot be allocated, because the condition is too restrictive. Please remove some constraints "
                    + "and try again. Constraints applied are: - Availability Zone - VM Size")
        case .overconstrainedAllocation:
            return ("OverconstrainedAllocationRequest", "Allocation failed. VM(s) with the following constraints "
                    + "cannot be allocated, because the condition is too restrictive. Please remove some constraints "
                    + "and try again. Constraints applied are: - VM Size - Priority")
        case .familyQuota(let family, let limit, let usage):
            return ("OperationNotAllowed", "Operation could not be completed as it results in exceeding approved "
                    + "\(family) Cores quota. " + quotaDetails(limit, usage))
        case .lowPriorityQuota(let limit, let usage):
            return ("OperationNotAllowed", "Operation could not be completed as it results in exceeding approved "
                    + "LowPriorityCores quota. " + quotaDetails(limit, usage))
        case .regionalQuota(let limit, let usage):
            return ("OperationNotAllowed", "Operation could not be completed as it results in exceeding approved "
                    + "Total Regional Cores quota. " + quotaDetails(limit, usage))
        case .internalExecutionError:
            return ("InternalExecutionError", "An internal execution error occurred. Please retry later.")
        }
    }
}
