import NodePlanModel

/// A node Karpenter's disruption controller may act on (`NewCandidate`), with what it costs to
/// disrupt it and what it saves.
struct DisruptionCandidate: Hashable, Sendable {
    /// Index into `Snapshot.nodes`.
    var node: Int
    var name: String
    var nodePool: String
    var instanceType: String
    var capacityType: CapacityType?
    /// USD per hour of the node's own offering; nil when neither the node nor the catalog says.
    var price: Double?
    /// Pods that must find a new home when the node goes (not DaemonSet, mirror or finished).
    var reschedulablePods: [Int32]
    /// `1 + Σ max(0, eviction cost)` over the reschedulable pods.
    var rescheduleDisruptionCost: Double
    /// Passes the consolidation filter: consolidateAfter is not Never, the node is older than it,
    /// and its price is known.
    var consolidatable: Bool
    /// The pool's policy lets consolidation replace or delete non-empty nodes.
    var underutilizedAllowed: Bool
    var drifted: Bool
    var createdAt: Double
    /// The larger of the CPU and memory shares of its allocatable its reschedulable pods request.
    var utilization: Double

    /// Karpenter calls a node empty when moving its pods costs nothing; nodeplan also requires that
    /// there is nothing to move, so every evicted pod of a plan has a new home.
    var isEmpty: Bool { reschedulablePods.isEmpty }

    /// USD per hour paid for room no pod requests: price × (1 − utilization).
    var idlePrice: Double { (price ?? 0) * (1 - min(utilization, 1)) }

    /// Price per unit of disruption: candidates that save most for least disruption come first.
    var savingsRatio: Double { (price ?? 0) / rescheduleDisruptionCost }

    /// Karpenter's candidate order (v1.14): savings ratio descending; name breaks ties.
    static func precedes(_ lhs: DisruptionCandidate, _ rhs: DisruptionCandidate) -> Bool {
        lhs.savingsRatio != rhs.savingsRatio ? lhs.savingsRatio > rhs.savingsRatio : lhs.name < rhs.name
    }
}
