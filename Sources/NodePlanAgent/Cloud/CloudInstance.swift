import NodePlanModel

/// A VM the provider launched for a NodeClaim.
public struct CloudInstance: Hashable, Sendable {
    public var nodeClaim: String
    /// The Node's `spec.providerID`, e.g. `azure:///subscriptions/.../virtualMachines/aks-<nodeclaim>`.
    public var providerID: String
    /// The offering that was launched.
    public var instanceType: String
    public var zone: String
    public var capacityType: CapacityType
    public var capacity: ResourceList
    public var allocatable: ResourceList
    /// Seconds since the Unix epoch.
    public var createdAt: Double

    public init(nodeClaim: String, providerID: String, instanceType: String, zone: String, capacityType: CapacityType,
                capacity: ResourceList, allocatable: ResourceList, createdAt: Double) {
        self.nodeClaim = nodeClaim
        self.providerID = providerID
        self.instanceType = instanceType
        self.zone = zone
        self.capacityType = capacityType
        self.capacity = capacity
        self.allocatable = allocatable
        self.createdAt = createdAt
    }
}

/// An offering the cloud refused recently (capacity, quota, SKU not available).
public struct UnavailableOffering: Hashable, Sendable {
    public var instanceType: String
    public var zone: String
    public var capacityType: CapacityType

    public init(instanceType: String, zone: String, capacityType: CapacityType) {
        self.instanceType = instanceType
        self.zone = zone
        self.capacityType = capacityType
    }
}

/// Failures the agent treats specially.
public enum CloudProviderError: Error, Hashable, Sendable {
    /// No offering of the request could be launched; the NodeClaim is deleted and its pods re-planned.
    case insufficientCapacity(nodeClaim: String, reason: String)
}
