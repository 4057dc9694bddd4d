/// A VM size as the solver sees it: capacity, overhead, the labels it implies, and offerings.
public struct InstanceType: Hashable, Sendable, Codable {
    public var name: String
    /// Capacity per resource: cpu, memory, pods, ephemeral-storage, GPUs.
    public var capacity: ResourceList
    /// kube-reserved + system-reserved + eviction threshold.
    public var overhead: ResourceList
    /// Labels the type defines (single or multiple values), e.g. arch, sku-family, instance-type.
    /// Zone and capacity type come from offerings and are not repeated here.
    public var requirements: [NodeSelectorRequirement]
    public var offerings: [Offering]

    public init(name: String, capacity: ResourceList, overhead: ResourceList = ResourceList(),
                requirements: [NodeSelectorRequirement] = [], offerings: [Offering]) {
        self.name = name
        self.capacity = capacity
        self.overhead = overhead
        self.requirements = requirements
        self.offerings = offerings
    }

    /// Capacity minus overhead: what pods may request.
    public var allocatable: ResourceList { capacity - overhead }
}
