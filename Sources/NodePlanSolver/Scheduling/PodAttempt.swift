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

    init(pod: Int32, shape: PodShape, constraints: PodConstraints) {
        self.pod = pod
        self.shape = shape
        self.constraints = constraints
        requirements = constraints.requirements
        strictRequirements = constraints.strictRequirements
        topologyPod = shape.topologyPod(constraints)
    }

    var tolerations: [Toleration] { constraints.tolerations }
}
