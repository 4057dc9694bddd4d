/// Carries out disruptions that a consolidation plan started, from what the Node records (the
/// `karpenter.sh/disrupted` taint, the reason and the replacement NodeClaims): when every replacement is
/// initialized (its Node Ready), the Node's NodeClaim is deleted and `NodeClaimLifecycle` drains it. A
/// Node is never given up before its replacements are Ready. If a replacement is gone (its launch failed),
/// the disruption is abandoned: taint and annotations are removed and the next plan decides again.
public struct DisruptionReconciler: Sendable {
    public var context: ExecutionContext

    public init(context: ExecutionContext) { self.context = context }

    /// Nodes marked for disruption whose NodeClaim is not deleted yet.
    public static func inProgress(_ cache: ClusterCache) -> [JSONValue] {
        cache.objects(.nodes).filter { $0.annotations[AgentKeys.disruptionReason] != nil }
    }

    public func reconcile() async {
        for node in Self.inProgress(context.cache) {
            do {
                try await reconcile(node)
            } catch {
                context.logger.warning("disruption step failed; retrying on the next pass",
                                       metadata: ["node": "\(node.name)", "error": "\(error)"])
            }
        }
    }

    private func reconcile(_ node: JSONValue) async throws {
        guard let claim = context.claim(of: node) else {
            try await abandon(node, because: "the node has no NodeClaim")
            return
        }
        if claim.isDeleting { return }
        let replacements = (node.annotations[AgentKeys.replacements] ?? "").split(separator: ",").map(String.init)
        var ready = true
        for name in replacements {
            guard let replacement = context.cache.object(.nodeClaims, key: name), !replacement.isDeleting else {
                try await abandon(node, because: "replacement NodeClaim \(name) is gone")
                return
            }
            if !replacement.conditionIsTrue("Initialized") { ready = false }
        }
        guard ready else { return }
        context.logger.info("replacements ready; terminating", metadata: [
            "node": "\(node.name)", "reason": "\(node.annotations[AgentKeys.disruptionReason] ?? "")",
            "replacements": "\(replacements.joined(separator: ","))",
        ])
        try await context.delete(.nodeClaims, claim)
    }

    private func abandon(_ node: JSONValue, because reason: String) async throws {
        context.logger.notice("disruption abandoned", metadata: ["node": "\(node.name)", "reason": "\(reason)"])
        let taints = (node[["spec", "taints"]]?.taints ?? []).filter { $0.key != AgentKeys.disruptedTaint }
        try await context.patch(.nodes, node, [
            "metadata": ["annotations": [AgentKeys.disruptionReason: nil, AgentKeys.replacements: nil]],
            "spec": ["taints": .array(taints.map(JSONValue.init))],
        ])
    }
}
