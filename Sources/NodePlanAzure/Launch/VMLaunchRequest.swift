import NodePlanModel

/// One NodeClaim to launch: the solver's choice first, then its ranked fallbacks.
public struct VMLaunchRequest: Hashable, Sendable {
    public var nodeClaim: String
    public var nodePool: String
    public var nodeClass: AKSNodeClass
    /// Offerings in the order to try; the first is the solver's choice.
    public var options: [LaunchOption]

    public init(nodeClaim: String, nodePool: String, nodeClass: AKSNodeClass, options: [LaunchOption]) {
        self.nodeClaim = nodeClaim
        self.nodePool = nodePool
        self.nodeClass = nodeClass
        self.options = options
    }

    /// The plan's launch as a request for NodeClaim `nodeClaim`: choice, then fallbacks.
    public init(nodeClaim: String, launch: NodeLaunch, nodeClass: AKSNodeClass) {
        self.init(nodeClaim: nodeClaim, nodePool: launch.nodePool, nodeClass: nodeClass,
                  options: [launch.choice] + launch.fallbacks)
    }
}
