import NodePlanModel

/// One node of the cluster as the plan leaves it: an existing node that stays, or a launch.
struct FinalNode: Sendable {
    var name: String
    var labels: NodeLabels
    /// Taints that affect scheduling now (startup and ephemeral taints of uninitialized nodes removed).
    var taints: [Taint]
    /// Nil for a launch whose instance type is unknown (reported by `LaunchRule`).
    var allocatable: ResourceList?
    var capacity: ResourceList?
    /// Empty for unmanaged nodes.
    var nodePool: String
    /// Index into `Plan.launches` for launched nodes.
    var launch: Int?
    /// CSI attach limits; enforced on existing nodes only.
    var volumeLimits: [String: Int]
    /// Every non-terminal pod the node runs in the end, including DaemonSet pods already bound.
    var pods: [Int32] = []
    /// Pods the plan places here.
    var newPods: [Int32] = []
    /// Names of DaemonSets whose pod is already bound here.
    var boundDaemonSets: Set<String> = []

    /// The node's value for a topology key; the hostname falls back to the node name.
    func domain(_ key: String) -> String? {
        if let value = labels[key] { return value }
        return key == WellKnownLabel.hostname ? name : nil
    }
}

extension FinalNode {
    /// Taints Karpenter ignores on uninitialized managed nodes: they go away at initialization.
    static let ephemeralTaintKeys: Set<String> = [
        "node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable",
        "node.cloudprovider.kubernetes.io/uninitialized", "karpenter.sh/unregistered",
    ]

    init(existing node: Node) {
        var labels = node.labels
        if labels[WellKnownLabel.hostname] == nil { labels[WellKnownLabel.hostname] = node.name }
        var taints = node.taints
        if !node.initialized && !node.nodePool.isEmpty {
            taints.removeAll { taint in
                Self.ephemeralTaintKeys.contains(taint.key) || taint.key.hasPrefix("readiness.k8s.io/")
                    || node.startupTaints.contains { $0.key == taint.key && $0.effect == taint.effect }
            }
        }
        self.init(name: node.name, labels: NodeLabels(labels), taints: taints, allocatable: node.allocatable,
                  capacity: node.capacity, nodePool: node.nodePool, launch: nil, volumeLimits: node.volumeLimits)
    }
}
