import NodePlanModel

/// What a NodePool may still launch under its `limits`: limit minus the capacity of its nodes,
/// minus (pessimistically) the largest capacity among each new NodeClaim's instance-type options.
struct NodePoolLimits: Sendable {
    /// Positions of limited resources and what remains of each.
    private(set) var remaining: [(position: Int, name: String, milli: Int64)] = []
    /// Remaining node count, nil when unlimited.
    private(set) var nodesRemaining: Int64?

    init(limits: ResourceList, used: ResourceVector, nodeCount: Int, resources: ResourceIndex) {
        for entry in limits.entries {
            if entry.name == ResourceName.nodes {
                nodesRemaining = entry.quantity.value - Int64(nodeCount)
            } else if let position = resources.position(of: entry.name) {
                remaining.append((position, entry.name, entry.quantity.milli - used[position]))
            }
        }
    }

    /// Whether the pool has no resource limits (a node count limit aside).
    var limitsResources: Bool { !remaining.isEmpty }

    /// Whether no more NodeClaims may be created at all.
    var nodesExhausted: Bool { (nodesRemaining ?? 1) <= 0 }

    /// The first limited resource an instance type with `capacity` would exceed.
    func firstExceeded(byCapacity capacity: ResourceVector) -> String? {
        remaining.first { capacity[$0.position] > $0.milli }?.name
    }

    /// Charges a new NodeClaim: the per-resource maximum capacity over its `options` (indices
    /// into `template.options`), and one node.
    mutating func charge(options: IndexBitmap, of template: NodeClaimTemplate) {
        for index in remaining.indices {
            let position = remaining[index].position
            // Most NodeClaims keep the pool's largest option, whose capacity is the maximum.
            let largest = template.largestCapacityOption[position]
            remaining[index].milli -= options.contains(largest)
                ? template.options[largest].capacity[position]
                : options.lazy.map { template.options[$0].capacity[position] }.max() ?? 0
        }
        if let nodes = nodesRemaining { nodesRemaining = nodes - 1 }
    }
}
