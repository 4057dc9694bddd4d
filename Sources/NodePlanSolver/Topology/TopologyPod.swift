import NodePlanModel

/// The pod a topology decision is about: identity for selectors, and the groups it owns.
struct TopologyPod {
    var namespace: String
    var labels: [String: String]
    /// Groups of its current (possibly relaxed) spread constraints and (anti-)affinity terms.
    var ownedGroups: [Int]
    /// Inverse anti-affinity groups of its required anti-affinity terms.
    var ownedInverseGroups: [Int]
    /// Groups whose selector picks this pod (it is counted there once placed).
    var countingGroups: [Int]
    /// Inverse anti-affinity groups whose selector picks this pod (their owners repel it).
    var repellingInverseGroups: [Int]
}
