import NodePlanModel

/// The taints provisioning holds an existing node to.
enum NodeTaints {
    /// Taints a node carries only until it is initialized.
    static let ephemeralKeys: Set<String> = [
        "node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable",
        "node.cloudprovider.kubernetes.io/uninitialized",
    ]

    /// An uninitialized node managed by a NodePool ignores ephemeral taints (not-ready,
    /// unreachable, uninitialized, `karpenter.sh/unregistered:NoExecute`, `readiness.k8s.io/*`)
    /// and its startup taints; every other node is held to all its taints.
    static func effective(_ node: Node) -> [Taint] {
        guard !node.initialized, !node.nodePool.isEmpty else { return node.taints }
        return node.taints.filter { taint in
            !ephemeralKeys.contains(taint.key)
                && !(taint.key == "karpenter.sh/unregistered" && taint.effect == .noExecute)
                && !taint.key.hasPrefix("readiness.k8s.io/")
                && !node.startupTaints.contains(taint)
        }
    }
}
