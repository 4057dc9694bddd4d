import NodePlanModel

/// Everything that turned one pod away in its last attempt: per NodePool, and a summary of the
/// existing and new nodes that had no room for it.
struct SchedulingFailure: Sendable {
    var pools: [(pool: String, failure: PlacementFailure)] = []
    var existingNodes = 0
    var firstExistingNode: (node: String, failure: PlacementFailure)?
    var newClaims = 0
    var firstNewClaim: PlacementFailure?
    /// Preferences relaxed before giving up, in order.
    var relaxed: [RelaxationStep] = []

    /// `count` existing nodes rejected the pod, the first of them for `first`.
    mutating func noteExistingNodes(_ count: Int, first: (node: String, failure: PlacementFailure)) {
        existingNodes += count
        if firstExistingNode == nil { firstExistingNode = first }
    }

    /// `count` new NodeClaims rejected the pod, the first of them for `first`.
    mutating func noteNewClaims(_ count: Int, first: PlacementFailure) {
        newClaims += count
        if firstNewClaim == nil { firstNewClaim = first }
    }

    mutating func notePool(_ pool: String, _ failure: PlacementFailure) { pools.append((pool, failure)) }

    /// Whether capacity (NodePool limits, offering availability, room on nodes) is what ran out in
    /// at least one NodePool: pools whose requirements never suited the pod do not rule out that
    /// preempting lower-priority pods would let it run.
    var isCapacityShortage: Bool {
        pools.contains { $0.failure.isCapacityShortage }
    }

    /// One sentence naming the deciding constraint.
    var reason: String {
        guard let first = pools.first else {
            if let (node, failure) = firstExistingNode {
                return "no NodePool can launch nodes and no existing node has room (\(node): \(failure))"
            }
            return "no NodePool can launch nodes and there are no existing nodes"
        }
        let others = pools.count > 1 ? " (and \(pools.count - 1) more NodePool\(pools.count > 2 ? "s" : ""))" : ""
        return "no NodePool can host the pod: NodePool \"\(first.pool)\": \(first.failure)\(others)"
    }

    /// One line per NodePool, then summaries of existing and new nodes and the relaxed preferences.
    var details: [String] {
        var lines = pools.map { "NodePool \"\($0.pool)\": \($0.failure)" }
        if let (node, failure) = firstExistingNode {
            lines.append("\(existingNodes) existing node(s) rejected it, e.g. \(node): \(failure)")
        }
        if let failure = firstNewClaim {
            lines.append("\(newClaims) NodeClaim(s) of this plan rejected it, e.g.: \(failure)")
        }
        if !relaxed.isEmpty {
            lines.append("relaxed before giving up: " + relaxed.map(\.rawValue).joined(separator: ", "))
        }
        return lines
    }
}
