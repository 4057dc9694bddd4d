import NodePlanModel

/// A NodeClaim this solve creates: requirements narrowed by every pod on it, and the instance
/// types that can still hold them all.
///
/// A final class owned by one solve's scheduler: each pod is checked against every NodeClaim,
/// and passing a struct this size to `canAdd` copies (retains) every field per check.
final class NewNodeClaim {
    let template: Int
    /// Placeholder hostname, its domain for hostname topology.
    let hostname: String
    private(set) var requirements: Requirements
    /// Sum of its pods' requests (DaemonSet overhead is added per instance-type group).
    private(set) var requests: ResourceVector
    /// Surviving options, indices into the template's options.
    private(set) var optionSet: IndexBitmap
    /// `optionSet` as ascending indices.
    var options: [Int] { optionSet.indices }
    private(set) var pods: [Int32] = []
    private(set) var hostPorts = HostPortUsage()
    private(set) var minValuesRelaxed = false
    /// Per resource, at least the most any remaining option holds after its DaemonSet overhead: a
    /// pod that does not fit here fits no option, whatever topology decides, so most full
    /// NodeClaims are turned away before any requirement work (a fresh NodeClaim runs the full
    /// filter instead, which names the instance types it rules out). Computed over a superset of
    /// the options it stays a valid bound, so it is refreshed only when half of them are gone.
    /// First computed when the first pod is added (over the options it was created with): most
    /// NodeClaims built for a pod are turned away and never need it.
    private(set) var headroom: ResourceVector
    private var headroomOptionCount = 0

    init(template index: Int, of template: NodeClaimTemplate, hostname: String, requirements: Requirements,
         options: IndexBitmap, resourceCount: Int) {
        self.template = index
        self.hostname = hostname
        self.requirements = requirements
        optionSet = options
        requests = ResourceVector(count: resourceCount)
        headroom = requests
    }

    private static func headroom(of options: IndexBitmap, in template: NodeClaimTemplate) -> ResourceVector {
        var result = template.rooms[options.first!]
        for index in options { result.formMaximum(template.rooms[index]) }
        return result
    }

    /// What adding a pod would make of this NodeClaim.
    struct Addition {
        var requirements: Requirements
        var options: IndexBitmap
        var minValuesRelaxed: Bool
    }

    /// Karpenter's `NodeClaim.CanAdd`: taints, host ports, node affinity (undefined well-known
    /// keys allowed), then, for each volume topology alternative in turn, its compatibility,
    /// topology, instance-type filtering and minValues.
    func canAdd(_ attempt: PodAttempt, template: NodeClaimTemplate, topology: Topology,
                compatibility: OptionCompatibilityCache, minValuesPolicy: MinValuesPolicy,
                resources: ResourceIndex) -> Result<Addition, PlacementFailure> {
        if let rejection = quickRejection(of: attempt, template: template, topology: topology, resources: resources) {
            return .failure(rejection.failure)
        }
        return canAddPassingQuickChecks(attempt, template: template, topology: topology,
                                        compatibility: compatibility, minValuesPolicy: minValuesPolicy,
                                        resources: resources)
    }

    /// The checks of `canAdd` that need no requirement building, in its order: untolerated
    /// taints, hostname topology, host ports, room, node affinity. `lasting` says the rejection
    /// holds for the rest of the solve for every attempt with the same shape and constraints:
    /// always for the first four (taints are fixed per pool, counts and pods only grow, headroom
    /// only shrinks), for node affinity when the conflict `isLasting` or names a key the
    /// NodeClaim does not define (until it defines a new key, when the scheduler reopens it).
    /// The scheduler stops offering such attempts this NodeClaim.
    func quickRejection(of attempt: PodAttempt, template: NodeClaimTemplate, topology: Topology,
                        resources: ResourceIndex) -> (failure: PlacementFailure, lasting: Bool)? {
        if let taint = TaintCheck.firstUntolerated(template.pool.taints, by: attempt.tolerations) {
            return (.untoleratedTaint(taint), true)
        }
        if let failure = topology.hostnameRejection(for: attempt.topologyPod, hostname: hostname) {
            return (.topology(failure), true)
        }
        if let port = hostPorts.firstConflict(with: attempt.shape.hostPorts) { return (.hostPortConflict(port), true) }
        if !pods.isEmpty, let position = requests.firstShortfall(adding: attempt.shape.requests, in: headroom) {
            return (.insufficient(resource: resources.names[position]), true)
        }
        if let conflict = requirements.conflict(with: attempt.requirements) {
            return (.requirements(conflict), conflict.isLasting || conflict.available == nil)
        }
        return nil
    }

    /// `canAdd` for an attempt `quickRejection` has already let through.
    func canAddPassingQuickChecks(_ attempt: PodAttempt, template: NodeClaimTemplate, topology: Topology,
                                  compatibility: OptionCompatibilityCache, minValuesPolicy: MinValuesPolicy,
                                  resources: ResourceIndex) -> Result<Addition, PlacementFailure> {
        var lastFailure: PlacementFailure?
        for alternative in attempt.nodeRequirementAlternatives {
            switch tryAlternative(alternative, attempt, template: template, topology: topology,
                                  compatibility: compatibility, minValuesPolicy: minValuesPolicy,
                                  resources: resources) {
            case .success(let addition): return .success(addition)
            case .failure(let reason): lastFailure = reason
            }
        }
        return .failure(lastFailure!)
    }

    /// One volume alternative: `podRequirements` is the pod's node requirements ANDed with it.
    private func tryAlternative(_ podRequirements: Requirements, _ attempt: PodAttempt, template: NodeClaimTemplate,
                                topology: Topology, compatibility cache: OptionCompatibilityCache,
                                minValuesPolicy: MinValuesPolicy, resources: ResourceIndex)
        -> Result<Addition, PlacementFailure> {
        if !attempt.shape.volumeAlternatives.isEmpty, let conflict = requirements.conflict(with: podRequirements) {
            return .failure(.requirements(conflict))
        }
        let domains = topology.requirements(for: attempt.topologyPod,
                                            podRequirements: attempt.strictRequirements,
                                            nodeRequirements: requirements, narrowedBy: podRequirements)
        let topologyDomains: Requirements
        switch domains {
        case .failure(let failure): return .failure(.topology(failure))
        case .success(let found): topologyDomains = found
        }
        var combined = requirements.adding(podRequirements)
        if let conflict = combined.conflict(with: topologyDomains) { return .failure(.requirements(conflict)) }
        combined.add(topologyDomains)

        var allPorts = hostPorts
        allPorts.insert(contentsOf: attempt.shape.hostPorts)
        let compatibility = combined == requirements
            ? nil : cache.compatibility(of: template, at: self.template, requirements: combined)
        let total = requests + attempt.shape.requests
        let survivors = InstanceTypeFilter.survivors(optionSet, of: template, compatibility: compatibility,
                                                     requests: total, hostPorts: allPorts.ports)
        guard !survivors.isEmpty else {
            return .failure(.noInstanceType(InstanceTypeFilter.rejections(
                optionSet, of: template, compatibility: compatibility, requests: total, hostPorts: allPorts.ports,
                resources: resources)))
        }

        var relaxed = minValuesRelaxed
        if let shortfall = MinValues.firstShortfall(combined, options: survivors.lazy.map { template.options[$0] }) {
            guard minValuesPolicy == .bestEffort else { return .failure(.minValues(shortfall)) }
            relaxed = true
        }
        return .success(Addition(requirements: combined, options: survivors, minValuesRelaxed: relaxed))
    }

    func add(_ attempt: PodAttempt, _ addition: Addition, template: NodeClaimTemplate) {
        pods.append(attempt.pod)
        requests += attempt.shape.requests
        hostPorts.insert(contentsOf: attempt.shape.hostPorts)
        requirements = addition.requirements
        let isFirstPod = pods.count == 1
        let remaining = addition.options.count
        if remaining * 2 <= (isFirstPod ? optionSet.count : headroomOptionCount) {
            headroom = Self.headroom(of: addition.options, in: template)
            headroomOptionCount = remaining
        } else if isFirstPod {
            let count = optionSet.count
            headroom = count == template.options.count ? template.headroom : Self.headroom(of: optionSet, in: template)
            headroomOptionCount = count
        }
        optionSet = addition.options
        minValuesRelaxed = addition.minValuesRelaxed
    }
}
