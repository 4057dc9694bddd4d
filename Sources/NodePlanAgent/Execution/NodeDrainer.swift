import NodePlanModel

/// Cordons a Node and evicts its pods through the Eviction API, as Karpenter's termination controller does.
/// A 429 (a PodDisruptionBudget allows no disruption now) leaves the pod for the next pass.
public struct NodeDrainer: Sendable {
    public var context: ExecutionContext

    public init(context: ExecutionContext) { self.context = context }

    /// One drain step; true when no evictable pod is left on the node.
    public func drain(_ node: JSONValue) async throws -> Bool {
        try await cordon(node)
        let pods = context.cache.objects(.pods).filter { $0[["spec", "nodeName"]]?.stringValue == node.name }
        let evictable = pods.filter(Self.isEvictable)
        for pod in evictable {
            do {
                try await context.kube.evict(namespace: pod.namespace, name: pod.name)
                context.writes.deleted(.pods, key: pod.objectKey)
            } catch let error as KubeAPIError where error.isTooManyRequests {
                context.logger.info("eviction refused; retrying later",
                                    metadata: ["pod": "\(pod.objectKey)", "reason": "\(error.message)"])
            }
        }
        return evictable.isEmpty && !pods.contains { $0.isDeleting && Self.isEvictable($0) }
    }

    /// Pods a drain must move: not finished, not DaemonSet pods, not static (mirror) pods.
    static func isEvictable(_ pod: JSONValue) -> Bool {
        let phase = pod[["status", "phase"]]?.stringValue ?? ""
        if phase == "Succeeded" || phase == "Failed" { return false }
        if pod.annotations["kubernetes.io/config.mirror"] != nil { return false }
        let owners = pod[["metadata", "ownerReferences"]]?.arrayValue ?? []
        return !owners.contains { ["DaemonSet", "Node"].contains($0["kind"]?.stringValue ?? "") }
    }

    /// `spec.unschedulable` and the `karpenter.sh/disrupted:NoSchedule` taint.
    private func cordon(_ node: JSONValue) async throws {
        var taints = node[["spec", "taints"]]?.taints ?? []
        let tainted = taints.contains { $0.key == AgentKeys.disruptedTaint }
        if !tainted { taints.append(Taint(key: AgentKeys.disruptedTaint, effect: .noSchedule)) }
        guard !tainted || node[["spec", "unschedulable"]]?.boolValue != true else { return }
        try await context.patch(.nodes, node, ["spec": ["unschedulable": true, "taints": .array(taints.map(JSONValue.init))]])
    }
}
