import NodePlanModel

/// One pod as a single placement attempt sees it: its shape and current constraints, with what
/// every candidate node needs derived once instead of per candidate.
struct PodAttempt {
    let pod: Int32
    let shape: PodShape
    let constraints: PodConstraints
    /// Node requirements with the heaviest preferred term in force.
    let requirements: Requirements
    /// Node requirements without preferences (the pod's own topology domains).
    let strictRequirements: Requirements
    let topologyPod: TopologyPod
    /// `requirements` ANDed with each volume topology alternative, tried in order on every
    /// candidate (just `requirements` when the volumes do not constrain the node).
    let nodeRequirementAlternatives: [Requirements]

    init(pod: Int32, shape: PodShape, constraints: PodConstraints) {
        self.pod = pod
        self.shape = shape
        self.constraints = constraints
        requirements = constraints.requirements
        strictRequirements = constraints.strictRequirements
        topologyPod = shape.topologyPod(constraints)
        let requirements = requirements
        nodeRequirementAlternatives = shape.volumeAlternatives.isEmpty
            ? [requirements] : shape.volumeAlternatives.map { requirements.adding($0) }
    }

    var tolerations: [Toleration] { constraints.tolerations }
}
