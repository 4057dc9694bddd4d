import NodePlanModel

/// Running pods that topology groups count, and the nodes they run on.
struct TopologyCensus: Sendable {
    struct CensusNode: Sendable {
        /// Labels with the hostname defaulted to the node name.
        var labels: [String: String]
        var requirements: Requirements
        var taints: [Taint]
        /// False for an in-flight NodeClaim: labels it lacks (its zone, say) are still undecided.
        var registered: Bool
    }

    struct CensusPod: Sendable {
        var namespace: String
        var labels: [String: String]
        /// Index into `nodes`.
        var node: Int
    }

    var nodes: [CensusNode] = []
    var pods: [CensusPod] = []
}
