import NodePlanModel

/// An existing node or in-flight NodeClaim from the snapshot, with what is left on it.
struct ExistingNode: Sendable {
    /// Index into `Snapshot.nodes`.
    var node: Int
    var name: String
    /// Its hostname label (the node name when unlabelled): its hostname topology domain.
    var hostname: String
    var initialized: Bool
    /// Labels as `In` requirements, hostname defaulted to the node name.
    var requirements: Requirements
    /// Taints that count: an uninitialized managed node ignores ephemeral and startup taints.
    var taints: [Taint]
    /// Allocatable minus bound pods minus DaemonSet pods not yet running there.
    var available: ResourceVector
    var hostPorts: HostPortUsage
    var volumes: VolumeUsage
    /// Pods this solve places here, indices into `Snapshot.pods`.
    var placed: [Int32] = []

    /// Karpenter's `ExistingNode.CanAdd`: taints, volume limits, host ports, resources, node
    /// affinity (every key must be a real label), then, for each volume topology alternative in
    /// turn, its compatibility and topology. Returns the node's requirements with the topology
    /// decision applied.
    func canAdd(_ attempt: PodAttempt, topology: Topology, resources: ResourceIndex)
        -> Result<Requirements, PlacementFailure> {
        if let taint = TaintCheck.firstUntolerated(taints, by: attempt.tolerations) {
            return .failure(.untoleratedTaint(taint))
        }
        if let failure = topology.hostnameRejection(for: attempt.topologyPod, hostname: hostname) {
            return .failure(.topology(failure))
        }
        if let driver = volumes.firstExceeded(by: attempt.shape.attachments) { return .failure(.volumeLimit(driver: driver)) }
        if let port = hostPorts.firstConflict(with: attempt.shape.hostPorts) { return .failure(.hostPortConflict(port)) }
        if let position = attempt.shape.requests.firstShortfall(in: available) {
            return .failure(.insufficient(resource: resources.names[position]))
        }
        if let conflict = requirements.strictConflict(with: attempt.requirements) {
            return .failure(.requirements(conflict))
        }
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
        if let conflict = requirements.strictConflict(with: alternative) { return .failure(.requirements(conflict)) }
        let domains = topology.requirements(for: attempt.topologyPod,
                                            podRequirements: attempt.strictRequirements,
                                            nodeRequirements: requirements, taints: taints,
                                            allowUndefined: { _ in false })
        switch domains {
        case .failure(let failure): return .failure(.topology(failure))
        case .success(let domains):
            if let conflict = requirements.strictConflict(with: domains) { return .failure(.requirements(conflict)) }
            return .success(requirements.adding(domains))
        }
    }

    mutating func add(_ attempt: PodAttempt) {
        placed.append(attempt.pod)
        available -= attempt.shape.requests
        hostPorts.insert(contentsOf: attempt.shape.hostPorts)
        volumes.add(attempt.shape.attachments)
    }
}
