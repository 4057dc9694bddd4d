import NodePlanModel

extension SnapshotBuilder {
    /// Nodes with their CSI attach limits and NodeClaim facts, followed by in-flight NodeClaims
    /// (those whose Node has not registered) as unregistered nodes.
    func assembledNodes() -> [Node] {
        var limits: [String: [String: Int]] = [:]
        for csiNode in csiNodes { limits[csiNode.name] = csiNode.attachLimits }
        var claimByNode: [String: NodeClaim] = [:]
        for claim in nodeClaims where !claim.nodeName.isEmpty { claimByNode[claim.nodeName] = claim }

        var result = nodes.map { node in
            var node = node
            node.volumeLimits = limits[node.name] ?? [:]
            if let claim = claimByNode[node.name] {
                node.startupTaints = claim.startupTaints
                if claim.meta.deletedAt != nil { node.markedForDeletion = true }
            }
            return node
        }
        let registered = Set(nodes.map(\.name))
        for claim in nodeClaims where !registered.contains(claim.nodeName) {
            result.append(SnapshotBuilder.inFlightNode(claim))
        }
        return result
    }

    /// A NodeClaim that has no Node yet: labels from its metadata plus every single-valued `In`
    /// requirement, as the node will carry them; capacity from its status.
    private static func inFlightNode(_ claim: NodeClaim) -> Node {
        var labels = claim.meta.labels
        for requirement in claim.requirements where requirement.operator == .in && requirement.values.count == 1 {
            labels[requirement.key] = requirement.values[0]
        }
        return Node(name: claim.nodeName.isEmpty ? claim.meta.name : claim.nodeName, labels: labels,
                    annotations: claim.meta.annotations, taints: claim.taints, startupTaints: claim.startupTaints,
                    capacity: claim.capacity, allocatable: claim.allocatable,
                    nodePool: labels[WellKnownLabel.nodePool] ?? "", instanceType: labels[WellKnownLabel.instanceType] ?? "",
                    registered: false, initialized: false, ready: false, createdAt: claim.meta.createdAt,
                    markedForDeletion: claim.meta.deletedAt != nil)
    }
}
