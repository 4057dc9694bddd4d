import NodePlanModel

/// One NodeClaim to launch: the solver's choice first, then its ranked fallbacks.
public struct VMLaunchRequest: Hashable, Sendable {
    public var nodeClaim: String
    public var nodePool: String
    public var nodeClass: AKSNodeClass
    /// Offerings in the order to try; the first is the solver's choice.
    public var options: [LaunchOption]
    /// Base64 bootstrap for this node (its labels and taints go into kubelet flags); nil uses
    /// `AzureLaunchSettings.customData`.
    public var customData: String?

    public init(nodeClaim: String, nodePool: String, nodeClass: AKSNodeClass, options: [LaunchOption],
                customData: String? = nil) {
        self.nodeClaim = nodeClaim
        self.nodePool = nodePool
        self.nodeClass = nodeClass
        self.options = options
        self.customData = customData
    }

    /// The plan's launch as a request for NodeClaim `nodeClaim`: choice, then fallbacks.
    public init(nodeClaim: String, launch: NodeLaunch, nodeClass: AKSNodeClass, customData: String? = nil) {
        self.init(nodeClaim: nodeClaim, nodePool: launch.nodePool, nodeClass: nodeClass,
                  options: [launch.choice] + launch.fallbacks, customData: customData)
    }
}
