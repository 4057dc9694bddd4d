import NodePlanModel

/// Karpenter's provisioning scheduler (`scheduling/scheduler.go`), read top-down:
///
/// 1. Pods are queued by priority (nodeplan's deliberate difference), then CPU and memory
///    descending, creation time and UID ascending.
/// 2. Each pod is tried on existing and in-flight nodes (initialized first, then by name), then on
///    the NodeClaims this solve already created (fewest pods first), then on a new NodeClaim from
///    each NodePool in weight order (ties: name descending). The first that accepts it wins.
/// 3. On failure one preference is relaxed (see `PodConstraints.relax`) and the pod is tried again.
/// 4. A pod that still fails goes to the back of the queue, unrelaxed; the solve ends after a
///    full cycle without progress.
///
/// Single use: its nodes and new NodeClaims are references, so a copy of a scheduler shares them.
struct Scheduler {
    let resources: ResourceIndex
    let options: SolverOptions
    let preferNoScheduleTaintsExist: Bool
    /// Indexed by `PodSpec` index; nil for specs of no pod in the batch.
    let shapes: [PodShape?]
    /// The snapshot's pods (indices are `Int32` pod ids throughout).
    let pods: [Pod]
    let templates: [NodeClaimTemplate]
    /// What each template's NodePool limits still allow, parallel to `templates`.
    private(set) var limits: [NodePoolLimits]
    let existingNodes: [ExistingNode]
    private(set) var newClaims: [NewNodeClaim] = []
    /// Indices into `newClaims`, kept stably sorted by pod count before each use.
    private var claimOrder: [Int] = []
    /// Pods per new NodeClaim, parallel to `newClaims` (sorting reads these, not the claims).
    private var claimPodCounts: [Int] = []
    var topology: Topology
    /// Instance-type compatibility per NodePool and requirement set, shared by this solve's NodeClaims.
    private let compatibility = OptionCompatibilityCache()
    /// The last failure of every pod that is currently unplaced.
    private(set) var failures: [Int32: SchedulingFailure] = [:]

    init(resources: ResourceIndex, options: SolverOptions, shapes: [PodShape?], pods: [Pod],
         templates: [NodeClaimTemplate], limits: [NodePoolLimits], existingNodes: [ExistingNode],
         topology: Topology) {
        self.resources = resources
        self.options = options
        self.shapes = shapes
        self.pods = pods
        self.templates = templates
        self.limits = limits
        self.existingNodes = existingNodes
        self.topology = topology
        preferNoScheduleTaintsExist = templates.contains { $0.pool.taints.contains { $0.effect == .preferNoSchedule } }
    }

    /// Places every pod of `batch` it can; failures stay in `failures`.
    mutating func solve(_ batch: [Int32]) {
        var queue = PodQueue(queueOrdered(batch))
        while let pod = queue.pop() {
            if let failure = trySchedule(pod) {
                failures[pod] = failure
                queue.push(pod)
            } else {
                failures[pod] = nil
            }
        }
    }

    /// Tries the pod, relaxing one preference after each failure until it fits or nothing is left.
    private mutating func trySchedule(_ pod: Int32) -> SchedulingFailure? {
        let shape = shape(of: pod)
        var constraints = shape.constraints
        if options.preferencePolicy == .ignore { constraints.removePreferences() }
        var relaxed: [RelaxationStep] = []
        while true {
            guard var failure = add(PodAttempt(pod: pod, shape: shape, constraints: constraints)) else { return nil }
            guard let step = constraints.relax(preferNoScheduleTaintsExist: preferNoScheduleTaintsExist) else {
                failure.relaxed = relaxed
                return failure
            }
            relaxed.append(step)
        }
    }

    /// One placement attempt with the pod's current constraints.
    private mutating func add(_ attempt: PodAttempt) -> SchedulingFailure? {
        var failure = SchedulingFailure()

        for node in existingNodes {
            switch node.canAdd(attempt, topology: topology, resources: resources) {
            case .success(let requirements):
                node.add(attempt)
                topology.record(attempt.topologyPod, taints: node.taints, requirements: requirements,
                                allowUndefined: { _ in false })
                return nil
            case .failure(let reason):
                failure.noteExistingNode(node.name, reason)
            }
        }

        let counts = claimPodCounts
        claimOrder.sort { counts[$0] < counts[$1] }
        for index in claimOrder {
            let claim = newClaims[index]
            switch claim.canAdd(attempt, template: templates[claim.template], topology: topology,
                                compatibility: compatibility, minValuesPolicy: options.minValuesPolicy,
                                resources: resources) {
            case .success(let addition):
                commit(attempt, addition, toClaim: index)
                return nil
            case .failure(let reason):
                failure.noteNewClaim(reason)
            }
        }

        for index in templates.indices {
            switch createClaim(from: index, for: attempt) {
            case .success: return nil
            case .failure(let reason): failure.notePool(templates[index].name, reason)
            }
        }
        return failure
    }

    /// Opens a NodeClaim from template `index` for the pod: instance types the pool's remaining
    /// limits still allow, a placeholder hostname, then the usual `canAdd`.
    private mutating func createClaim(from index: Int, for attempt: PodAttempt) -> Result<Void, PlacementFailure> {
        let template = templates[index]
        guard !template.options.isEmpty else { return .failure(.noInstanceTypesInPool) }
        guard !limits[index].nodesExhausted else { return .failure(.nodeLimitReached) }
        let withinLimits = limits[index].limitsResources
            ? template.options.indices.filter {
                limits[index].firstExceeded(byCapacity: template.options[$0].capacity) == nil
            }
            : Array(template.options.indices)
        guard !withinLimits.isEmpty else {
            let resource = limits[index].firstExceeded(byCapacity: template.options[0].capacity) ?? "capacity"
            return .failure(.limitExceeded(resource: resource))
        }
        // '#' never occurs in a node name, so a placeholder cannot collide with a real hostname;
        // short enough to be a small (inline) string, which topology looks up on every check.
        let hostname = "#claim-\(zeroPadded(newClaims.count + 1))"
        topology.registerHostname(hostname)
        var requirements = template.requirements
        requirements.add(Requirement(key: WellKnownLabel.hostname, operator: .in, values: [hostname]))
        let claim = NewNodeClaim(template: index, of: template, hostname: hostname, requirements: requirements,
                                 options: withinLimits, resourceCount: resources.count)
        switch claim.canAdd(attempt, template: template, topology: topology, compatibility: compatibility,
                            minValuesPolicy: options.minValuesPolicy, resources: resources) {
        case .failure(let reason): return .failure(reason)
        case .success(let addition):
            newClaims.append(claim)
            claimOrder.append(newClaims.count - 1)
            claimPodCounts.append(0)
            commit(attempt, addition, toClaim: newClaims.count - 1)
            limits[index].charge(optionCapacities: addition.options.map { template.options[$0].capacity })
            return .success(())
        }
    }

    private mutating func commit(_ attempt: PodAttempt, _ addition: NewNodeClaim.Addition, toClaim index: Int) {
        let claim = newClaims[index]
        claim.add(attempt, addition, template: templates[claim.template])
        claimPodCounts[index] += 1
        topology.record(attempt.topologyPod, taints: templates[claim.template].pool.taints,
                        requirements: addition.requirements, allowUndefined: LabelKeys.isWellKnown)
    }

    func shape(of pod: Int32) -> PodShape { shapes[Int(pods[Int(pod)].spec)]! }

    /// Queue order: priority descending (Karpenter ignores priority; nodeplan places important
    /// pods first), then CPU and memory requests descending, creation time and UID ascending.
    private func queueOrdered(_ batch: [Int32]) -> [Int32] {
        struct Key {
            var priority: Int32
            var cpu: Int64
            var memory: Int64
            var createdAt: Double
            var pod: Int32
        }
        let keys = batch.map { pod in
            let shape = shapes[Int(pods[Int(pod)].spec)]!
            return Key(priority: shape.priority, cpu: shape.requests[0], memory: shape.requests[1],
                       createdAt: pods[Int(pod)].createdAt, pod: pod)
        }
        return keys.sorted { lhs, rhs in
            if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
            if lhs.cpu != rhs.cpu { return lhs.cpu > rhs.cpu }
            if lhs.memory != rhs.memory { return lhs.memory > rhs.memory }
            if lhs.createdAt != rhs.createdAt { return lhs.createdAt < rhs.createdAt }
            let leftUID = pods[Int(lhs.pod)].uid
            let rightUID = pods[Int(rhs.pod)].uid
            return leftUID != rightUID ? leftUID < rightUID : lhs.pod < rhs.pod
        }.map(\.pod)
    }
}
