import NodePlanModel

/// An existing node or in-flight NodeClaim from the snapshot, with what is left on it.
///
/// A final class owned by one solve's scheduler, like `NewNodeClaim`: every pod is checked
/// against every node, and a struct this size would be copied field by field per check.
final class ExistingNode {
    /// Index into `Snapshot.nodes`.
    let node: Int
    let name: String
    /// Its hostname label (the node name when unlabelled): its hostname topology domain.
    let hostname: String
    let initialized: Bool
    /// Labels as `In` requirements, hostname defaulted to the node name.
    let requirements: Requirements
    /// Taints that count: an uninitialized managed node ignores ephemeral and startup taints.
    let taints: [Taint]
    /// Allocatable minus bound pods minus DaemonSet pods not yet running there.
    private(set) var available: ResourceVector
    private(set) var hostPorts: HostPortUsage
    private(set) var volumes: VolumeUsage
    /// Pods this solve places here, indices into `Snapshot.pods`.
    private(set) var placed: [Int32] = []

    init(node: Int, name: String, hostname: String, initialized: Bool, requirements: Requirements, taints: [Taint],
         available: ResourceVector, hostPorts: HostPortUsage, volumes: VolumeUsage) {
        self.node = node
        self.name = name
        self.hostname = hostname
        self.initialized = initialized
        self.requirements = requirements
        self.taints = taints
        self.available = available
        self.hostPorts = hostPorts
        self.volumes = volumes
    }

    /// Karpenter's `ExistingNode.CanAdd`: taints, volume limits, host ports, resources, node
    /// affinity (every key must be a real label), then, for each volume topology alternative in
    /// turn, its compatibility and topology. Returns the node's requirements with the topology
    /// decision applied.
    func canAdd(_ attempt: PodAttempt, topology: Topology, resources: ResourceIndex)
        -> Result<Requirements, PlacementFailure> {
        if let failure = lastingRejection(of: attempt, topology: topology, resources: resources) {
            return .failure(failure)
        }
        return canAddPassingLastingChecks(attempt, topology: topology)
    }

    /// The checks of `canAdd` before topology, in its order. Each rejection holds for the rest of
    /// the solve for every attempt with the same shape and constraints: taints and labels are
    /// fixed, hostname counts, volumes and host ports only grow, room only shrinks. The scheduler
    /// stops offering such attempts this node.
    func lastingRejection(of attempt: PodAttempt, topology: Topology, resources: ResourceIndex) -> PlacementFailure? {
        if let taint = TaintCheck.firstUntolerated(taints, by: attempt.tolerations) { return .untoleratedTaint(taint) }
        if let failure = topology.hostnameRejection(for: attempt.topologyPod, hostname: hostname) {
            return .topology(failure)
        }
        if let driver = volumes.firstExceeded(by: attempt.shape.attachments) { return .volumeLimit(driver: driver) }
        if let port = hostPorts.firstConflict(with: attempt.shape.hostPorts) { return .hostPortConflict(port) }
        if let position = attempt.shape.requests.firstShortfall(in: available) {
            return .insufficient(resource: resources.names[position])
        }
        if let conflict = requirements.strictConflict(with: attempt.requirements) { return .requirements(conflict) }
        return nil
    }

    /// `canAdd` for an attempt `lastingRejection` has already let through: topology per volume
    /// alternative.
    func canAddPassingLastingChecks(_ attempt: PodAttempt, topology: Topology)
        -> Result<Requirements, PlacementFailure> {
        var lastFailure: PlacementFailure?
        for alternative in attempt.nodeRequirementAlternatives {
            switch tryAlternative(alternative, attempt, topology: topology) {
            case .success(let requirements): return .success(requirements)
            case .failure(let reason): lastFailure = reason
            }
        }
        return .failure(lastFailure!)
    }

    private func tryAlternative(_ alternative: Requirements, _ attempt: PodAttempt, topology: Topology)
        -> Result<Requirements, PlacementFailure> {
        if !attempt.shape.volumeAlternatives.isEmpty, let conflict = requirements.strictConflict(with: alternative) {
            return .failure(.requirements(conflict))
        }
        let domains = topology.requirements(for: attempt.topologyPod,
                                            podRequirements: attempt.strictRequirements,
                                            nodeRequirements: requirements)
        switch domains {
        case .failure(let failure): return .failure(.topology(failure))
        case .success(let domains):
            if let conflict = requirements.strictConflict(with: domains) { return .failure(.requirements(conflict)) }
            return .success(requirements.adding(domains))
        }
    }

    func add(_ attempt: PodAttempt) {
        placed.append(attempt.pod)
        available -= attempt.shape.requests
        hostPorts.insert(contentsOf: attempt.shape.hostPorts)
        volumes.add(attempt.shape.attachments)
    }
}
