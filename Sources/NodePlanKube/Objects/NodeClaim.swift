import NodePlanModel

/// A decoded `karpenter.sh/v1` NodeClaim.
struct NodeClaim: Hashable, Sendable {
    var meta: ObjectMeta
    /// `status.nodeName`: the Node it registered as, if any.
    var nodeName: String
    var taints: [Taint]
    var startupTaints: [Taint]
    var requirements: [NodeSelectorRequirement]
    var capacity: ResourceList
    var allocatable: ResourceList
}
