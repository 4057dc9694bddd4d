import NodePlanModel

/// A decoded `v1/Pod`.
struct KubePod: Hashable, Sendable {
    var meta: ObjectMeta
    var template: PodTemplate
    var nominatedNodeName: String
    var phase: PodPhase
}
