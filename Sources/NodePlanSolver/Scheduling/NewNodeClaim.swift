import NodePlanModel

/// A NodeClaim this solve creates: requirements narrowed by every pod on it, and the instance
/// types that can still hold them all.
struct NewNodeClaim: Sendable {
    var template: Int
    /// Placeholder hostname, its domain for hostname topology.
    var hostname: String
    var requirements: Requirements
    /// Sum of its pods' requests (DaemonSet overhead is added per instance-type group).
    var requests: ResourceVector
    /// Surviving options, indices into the template's options.
    var options: [Int]
    var pods: [Int32] = []
    var hostPorts = HostPortUsage()
    var minValuesRelaxed = false

    /// What adding a pod would make of this NodeClaim.
    struct Addition {
        var requirements: Requirements
        var options: [Int]
        var minValuesRelaxed: Bool
    }

    /// Karpenter's `NodeClaim.CanAdd`: taints, host ports, node affinity (undefined well-known
    /// keys allowed), topology, then instance-type filtering and minValues.
    func canAdd(_ attempt: PodAttempt, template: NodeClaimTemplate, topology: Topology,
                minValuesPolicy: MinValuesPolicy, resources: ResourceIndex) -> Result<Addition, PlacementFailure> {
        if let taint = TaintCheck.firstUntolerated(template.pool.taints, by: attempt.tolerations) {
            return .failure(.untoleratedTaint(taint))
        }
        if let port = hostPorts.firstConflict(with: attempt.shape.hostPorts) { return .failure(.hostPortConflict(port)) }
        let podRequirements = attempt.requirements
        if let conflict = requirements.conflict(with: podRequirements) { return .failure(.requirements(conflict)) }
        var combined = requirements.adding(podRequirements)

        let domains = topology.requirements(for: attempt.topologyPod,
                                            podRequirements: attempt.strictRequirements,
                                            nodeRequirements: combined, taints: template.pool.taints,
                                            allowUndefined: LabelKeys.isWellKnown)
        switch domains {
        case .failure(let failure): return .failure(.topology(failure))
        case .success(let domains):
            if let conflict = combined.conflict(with: domains) { return .failure(.requirements(conflict)) }
            combined.add(domains)
        }

        var allPorts = hostPorts
        allPorts.insert(contentsOf: attempt.shape.hostPorts)
        let (survivors, rejections) = InstanceTypeFilter.filter(
            options, of: template, requirements: combined, requirementsChanged: combined != requirements,
            requests: requests, podRequests: attempt.shape.requests,
            hostPorts: allPorts.ports, resources: resources)
        guard !survivors.isEmpty else { return .failure(.noInstanceType(rejections)) }

        var relaxed = minValuesRelaxed
        if let shortfall = MinValues.firstShortfall(combined, options: survivors.map { template.options[$0] }) {
            guard minValuesPolicy == .bestEffort else { return .failure(.minValues(shortfall)) }
            relaxed = true
        }
        return .success(Addition(requirements: combined, options: survivors, minValuesRelaxed: relaxed))
    }

    mutating func add(_ attempt: PodAttempt, _ addition: Addition) {
        pods.append(attempt.pod)
        requests += attempt.shape.requests
        hostPorts.insert(contentsOf: attempt.shape.hostPorts)
        requirements = addition.requirements
        options = addition.options
        minValuesRelaxed = addition.minValuesRelaxed
    }
}
