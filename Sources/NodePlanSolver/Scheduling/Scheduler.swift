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
/// Where Karpenter would make plans that kube-scheduler or the DaemonSet controller then refuse,
/// nodeplan follows Kubernetes instead, each explained where its rule lives: DaemonSets selecting
/// instance-type labels (`DaemonSetPod`), the self-affinity bootstrap (`TopologyGroup+Affinity`)
/// and the spread global minimum (`TopologyGroup+Spread`).
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
    /// Indices into `newClaims`, stably sorted by pod count (kept sorted as counts change).
    private var claimOrder: [Int] = []
    /// Pods per new NodeClaim, parallel to `newClaims` (ordering reads these, not the claims).
    private var claimPodCounts: [Int] = []
    /// Per pod spec and number of relaxations, the NodeClaims whose `quickRejection` turned
    /// such an attempt away for good: they would turn every later one away too, so they are skipped.
    private var closedClaims: [AttemptKind: IndexBitmap] = [:]
    /// Per NodeClaim, the kinds of attempt it turned away for a label key it did not define:
    /// they reopen when it defines a new key (every other closure outlives that).
    private var closedUntilNewKey: [Int: [AttemptKind]] = [:]
    /// NodeClaims pinned to one domain of a topology key, for the pinned-domain filters.
    private var pinnedClaims: PinnedClaims
    /// The same for existing nodes (indices into `existingNodes`).
    private var closedNodes: [AttemptKind: IndexBitmap] = [:]
    var topology: Topology
    /// Instance-type compatibility per NodePool and requirement set, shared by this solve's NodeClaims.
    private let compatibility = OptionCompatibilityCache()
    /// The last failure of every pod that is currently unplaced.
    private(set) var failures: [Int32: SchedulingFailure] = [:]
    /// Narrows the instance types a new NodeClaim starts with, given its template index, the pod
    /// that opens it and the options (sorted) the pool's limits allow: the optimizing strategy's
    /// sizing. Nil keeps them all, as Karpenter does. A NodeClaim the narrowed types cannot open
    /// starts with all of them instead, so narrowing never turns a pod away.
    var claimSizing: ((_ template: Int, _ pod: Int32, _ options: [Int]) -> [Int])?
    /// How a pod picks among this solve's NodeClaims that accept it: nil takes the first, as
    /// Karpenter does; otherwise up to `candidates` accepting ones (in the usual order) are weighed
    /// by `cost` of the addition and the lowest wins, the earliest on ties.
    var claimChoice: (candidates: Int, cost: (NewNodeClaim, NewNodeClaim.Addition) -> Double)?

    /// Pods tried between two polls of `SolveControl.isCancelled` (a power of two).
    static let attemptsPerCancellationCheck = 8

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
        pinnedClaims = PinnedClaims(topology)
        preferNoScheduleTaintsExist = templates.contains { $0.pool.taints.contains { $0.effect == .preferNoSchedule } }
    }

    /// Places every pod of `batch` it can; failures stay in `failures`. Stops early, leaving the
    /// pods not yet tried out of the plan, once `control` reports the answer is no longer wanted.
    mutating func solve(_ batch: [Int32], control: SolveControl = .unbounded) {
        solve(queued: queueOrdered(batch), control: control)
    }

    /// `solve` with the queue order given (the optimizing strategy tries several).
    mutating func solve(queued batch: [Int32], control: SolveControl = .unbounded) {
        var queue = PodQueue(batch)
        var attempts = 0
        while let pod = queue.pop() {
            // One check every few pods: a pod's attempt takes microseconds, the check a clock read.
            if attempts & (Self.attemptsPerCancellationCheck - 1) == 0, control.isCancelled() { return }
            attempts += 1
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
            let kind = AttemptKind(spec: pods[Int(pod)].spec, relaxations: relaxed.count)
            guard var failure = add(PodAttempt(pod: pod, shape: shape, constraints: constraints), kind: kind) else {
                return nil
            }
            guard let step = constraints.relax(preferNoScheduleTaintsExist: preferNoScheduleTaintsExist) else {
                failure.relaxed = relaxed
                return failure
            }
            relaxed.append(step)
        }
    }

    /// One placement attempt with the pod's current constraints.
    private mutating func add(_ attempt: PodAttempt, kind: AttemptKind) -> SchedulingFailure? {
        var failure = SchedulingFailure()

        if addToExistingNode(attempt, kind: kind, failure: &failure) { return nil }

        if addToNewClaim(attempt, kind: kind, failure: &failure) { return nil }

        for index in templates.indices {
            switch createClaim(from: index, for: attempt) {
            case .success: return nil
            case .failure(let reason): failure.notePool(templates[index].name, reason)
            }
        }
        return failure
    }

    /// Adds the pod to the first existing node (in their order) that accepts it, skipping those
    /// that rejected its kind of attempt for good; false, with every node noted in `failure` as
    /// rejecting it, when none does.
    private mutating func addToExistingNode(_ attempt: PodAttempt, kind: AttemptKind,
                                            failure: inout SchedulingFailure) -> Bool {
        guard let first = existingNodes.first else { return false }
        var closed = closedNodes.removeValue(forKey: kind) ?? IndexBitmap()
        defer { closedNodes[kind] = closed }
        var firstFailure: PlacementFailure?
        for (index, node) in existingNodes.enumerated() where !closed.contains(index) {
            if let reason = node.lastingRejection(of: attempt, topology: topology, resources: resources) {
                closed.insert(index)
                if index == 0 { firstFailure = reason }
                continue
            }
            switch node.canAddPassingLastingChecks(attempt, topology: topology) {
            case .success(let requirements):
                node.add(attempt)
                topology.record(attempt.topologyPod, taints: node.taints, requirements: requirements,
                                allowUndefined: { _ in false })
                return true
            case .failure(let reason):
                if index == 0 { firstFailure = reason }
            }
        }
        // The first node was skipped but still rejects the pod; ask it why, for diagnostics.
        if firstFailure == nil {
            guard case .failure(let reason) = first.canAdd(attempt, topology: topology, resources: resources) else {
                preconditionFailure("a closed node accepted the pod")
            }
            firstFailure = reason
        }
        failure.noteExistingNodes(existingNodes.count, first: (first.name, firstFailure!))
        return false
    }

    /// Adds the pod to the first of this solve's NodeClaims (fewest pods first) that accepts it,
    /// skipping those that rejected its kind of attempt for good and those pinned to a domain
    /// its topology rules out; false, with every NodeClaim
    /// noted in `failure` as rejecting it, when none does.
    private mutating func addToNewClaim(_ attempt: PodAttempt, kind: AttemptKind,
                                        failure: inout SchedulingFailure) -> Bool {
        guard let first = claimOrder.first else { return false }
        var closed = closedClaims.removeValue(forKey: kind) ?? IndexBitmap()
        let ineligible = pinnedClaims.excluded(by: topology.pinnedDomainFilters(
            for: attempt.topologyPod, podRequirements: attempt.strictRequirements))
        var skipped = closed
        skipped.formUnion(ineligible)
        var firstFailure: PlacementFailure?
        var accepted: (position: Int, addition: NewNodeClaim.Addition, cost: Double)?
        var acceptedCount = 0
        var next = 0
        while let position = skipped.firstPosition(in: claimOrder, from: next) {
            next = position + 1
            let index = claimOrder[position]
            let claim = newClaims[index]
            let template = templates[claim.template]
            if let rejection = claim.quickRejection(of: attempt, template: template, topology: topology,
                                                    resources: resources) {
                if rejection.lasting {
                    closed.insert(index)
                    if case .requirements(let conflict) = rejection.failure, conflict.available == nil,
                       !conflict.isLasting {
                        closedUntilNewKey[index, default: []].append(kind)
                    }
                }
                if position == 0 { firstFailure = rejection.failure }
                continue
            }
            switch claim.canAddPassingQuickChecks(attempt, template: template, topology: topology,
                                                  compatibility: compatibility,
                                                  minValuesPolicy: options.minValuesPolicy, resources: resources) {
            case .success(let addition):
                let cost = claimChoice?.cost(claim, addition) ?? 0
                if accepted.map({ cost < $0.cost }) ?? true { accepted = (position, addition, cost) }
                acceptedCount += 1
            case .failure(let reason): if position == 0 { firstFailure = reason }
            }
            if acceptedCount >= (claimChoice?.candidates ?? 1) { break }
        }
        closedClaims[kind] = closed
        // Committed after the loop, which would otherwise hold `claimOrder` while it is reordered.
        if let accepted {
            commit(attempt, accepted.addition, toClaim: claimOrder[accepted.position], at: accepted.position)
            return true
        }
        // The first NodeClaim was skipped (closed, or pinned to an ineligible domain) but still
        // rejects the pod; ask it why, for diagnostics.
        if firstFailure == nil {
            let claim = newClaims[first]
            guard case .failure(let reason) = claim.canAdd(
                attempt, template: templates[claim.template], topology: topology, compatibility: compatibility,
                minValuesPolicy: options.minValuesPolicy, resources: resources) else {
                preconditionFailure("a skipped NodeClaim accepted the pod")
            }
            firstFailure = reason
        }
        failure.noteNewClaims(claimOrder.count, first: firstFailure!)
        return false
    }

    /// Opens a NodeClaim from template `index` for the pod: instance types the pool's remaining
    /// limits still allow, a placeholder hostname, then the usual `canAdd`.
    private mutating func createClaim(from index: Int, for attempt: PodAttempt) -> Result<Void, PlacementFailure> {
        let template = templates[index]
        guard !template.options.isEmpty else { return .failure(.noInstanceTypesInPool) }
        guard !limits[index].nodesExhausted else { return .failure(.nodeLimitReached) }
        let withinLimits = limits[index].firstExceeded(byCapacity: template.largestCapacity) != nil
            ? IndexBitmap(template.options.indices.filter {
                limits[index].firstExceeded(byCapacity: template.options[$0].capacity) == nil
            })
            : template.allOptions
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
        var startingOptions = [withinLimits]
        if let narrowed = claimSizing?(index, attempt.pod, withinLimits.indices), !narrowed.isEmpty,
           narrowed.count != withinLimits.count {
            startingOptions.insert(IndexBitmap(narrowed), at: 0)
        }
        var failure: PlacementFailure?
        for options in startingOptions {
            let claim = NewNodeClaim(template: index, of: template, hostname: hostname, requirements: requirements,
                                     options: options, resourceCount: resources.count)
            switch claim.canAdd(attempt, template: template, topology: topology, compatibility: compatibility,
                                minValuesPolicy: self.options.minValuesPolicy, resources: resources) {
            case .failure(let reason): failure = reason
            case .success(let addition):
                newClaims.append(claim)
                claimPodCounts.append(0)
                commit(attempt, addition, toClaim: newClaims.count - 1, at: nil)
                limits[index].charge(options: addition.options, of: template)
                return .success(())
            }
        }
        return .failure(failure!)
    }

    /// Adds the pod to new NodeClaim `index`, found at `position` of `claimOrder` (nil when the
    /// NodeClaim was just created and is not ordered yet).
    private mutating func commit(_ attempt: PodAttempt, _ addition: NewNodeClaim.Addition, toClaim index: Int,
                                 at position: Int?) {
        let claim = newClaims[index]
        let keyCount = claim.requirements.keys.count
        claim.add(attempt, addition, template: templates[claim.template])
        // A label key the NodeClaim did not define may end a conflict that closed it (see
        // `NewNodeClaim.quickRejection`): those kinds of attempt get to check it again.
        if claim.requirements.keys.count > keyCount, let kinds = closedUntilNewKey.removeValue(forKey: index) {
            for kind in kinds { closedClaims[kind]?.remove(index) }
        }
        pinnedClaims.update(claim: index, requirements: claim.requirements)
        claimPodCounts[index] += 1
        reorder(claim: index, from: position)
        topology.record(attempt.topologyPod, taints: templates[claim.template].pool.taints,
                        requirements: addition.requirements, allowUndefined: LabelKeys.isWellKnown)
    }

    /// Keeps `claimOrder` where a stable sort by pod count would put it after claim `index` gained
    /// a pod: a NodeClaim at `position` preceded every claim of its new count, so it moves to the
    /// front of them; a new one (`position` nil) follows every claim of its count.
    private mutating func reorder(claim index: Int, from position: Int?) {
        let count = claimPodCounts[index]
        /// First position in `low..<claimOrder.count` whose count reaches `bound`.
        func firstPosition(from low: Int, reaching bound: Int) -> Int {
            var low = low
            var high = claimOrder.count
            while low < high {
                let middle = (low + high) / 2
                if claimPodCounts[claimOrder[middle]] < bound { low = middle + 1 } else { high = middle }
            }
            return low
        }
        guard let position else {
            claimOrder.insert(index, at: firstPosition(from: 0, reaching: count + 1))
            return
        }
        let target = firstPosition(from: position + 1, reaching: count) - 1
        guard target > position else { return }
        claimOrder.withUnsafeMutableBufferPointer { order in
            for shifted in position..<target { order[shifted] = order[shifted + 1] }
            order[target] = index
        }
    }

    func shape(of pod: Int32) -> PodShape { shapes[Int(pods[Int(pod)].spec)]! }

    /// Queue order: priority descending (Karpenter ignores priority; nodeplan places important
    /// pods first), then CPU and memory requests descending, creation time and UID ascending.
    func queueOrdered(_ batch: [Int32]) -> [Int32] {
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
