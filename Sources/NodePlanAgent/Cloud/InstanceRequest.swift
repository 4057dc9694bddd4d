import NodePlanModel

/// What to launch for one NodeClaim.
public struct InstanceRequest: Hashable, Sendable {
    /// The NodeClaim's name; instance names derive from it (Azure: `aks-<nodeclaim>`), which makes creation idempotent.
    public var nodeClaim: String
    public var nodePool: String
    /// The AKSNodeClass named by the pool's `nodeClassRef`.
    public var nodeClass: String
    /// The solver's choice first, then its ranked fallbacks.
    public var offerings: [LaunchOption]
    /// Labels and taints the node registers with.
    public var labels: [String: String]
    public var taints: [Taint]
    public var startupTaints: [Taint]

    public init(nodeClaim: String, nodePool: String, nodeClass: String, offerings: [LaunchOption],
                labels: [String: String] = [:], taints: [Taint] = [], startupTaints: [Taint] = []) {
        self.nodeClaim = nodeClaim
        self.nodePool = nodePool
        self.nodeClass = nodeClass
        self.offerings = offerings
        self.labels = labels
        self.taints = taints
        self.startupTaints = startupTaints
    }
}
