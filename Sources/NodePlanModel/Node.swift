/// An existing node, or an in-flight NodeClaim that has not registered yet.
public struct Node: Hashable, Sendable, Codable {
    public var name: String
    public var labels: [String: String]
    public var annotations: [String: String]
    public var taints: [Taint]
    /// Taints that Karpenter expects to be removed at initialization (the NodeClaim's startupTaints).
    public var startupTaints: [Taint]
    public var capacity: ResourceList
    public var allocatable: ResourceList
    /// The NodePool that manages this node; empty for unmanaged nodes.
    public var nodePool: String
    public var instanceType: String
    /// USD per hour, when known.
    public var price: Double?
    /// False for an in-flight NodeClaim whose Node has not registered.
    public var registered: Bool
    public var initialized: Bool
    public var ready: Bool
    /// Seconds since the Unix epoch.
    public var createdAt: Double
    /// The node is being deleted (its reschedulable pods need a new home).
    public var markedForDeletion: Bool
    /// Pods were nominated to the node recently; Karpenter will not disrupt it.
    public var nominated: Bool
    /// Drift detected by the agent (NodePool or AKSNodeClass hash changed).
    public var drifted: Bool
    /// CSI attach limits per driver (CSINode `allocatable.count`).
    public var volumeLimits: [String: Int]

    public init(name: String, labels: [String: String] = [:], annotations: [String: String] = [:], taints: [Taint] = [],
                startupTaints: [Taint] = [], capacity: ResourceList = ResourceList(), allocatable: ResourceList = ResourceList(),
                nodePool: String = "", instanceType: String = "", price: Double? = nil, registered: Bool = true,
                initialized: Bool = true, ready: Bool = true, createdAt: Double = 0, markedForDeletion: Bool = false,
                nominated: Bool = false, drifted: Bool = false, volumeLimits: [String: Int] = [:]) {
        self.name = name
        self.labels = labels
        self.annotations = annotations
        self.taints = taints
        self.startupTaints = startupTaints
        self.capacity = capacity
        self.allocatable = allocatable
        self.nodePool = nodePool
        self.instanceType = instanceType
        self.price = price
        self.registered = registered
        self.initialized = initialized
        self.ready = ready
        self.createdAt = createdAt
        self.markedForDeletion = markedForDeletion
        self.nominated = nominated
        self.drifted = drifted
        self.volumeLimits = volumeLimits
    }
}
