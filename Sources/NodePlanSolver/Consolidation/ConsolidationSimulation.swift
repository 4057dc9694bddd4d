import NodePlanModel

/// What happens to a set of candidates' pods when the candidates go (Karpenter's
/// `SimulateScheduling`), answered by the provisioning scheduler against the rest of the cluster.
///
/// The cluster is prepared once (`ProvisioningSetup` with every node in place and shapes for every
/// candidate's pods); each simulation then costs only what its own pods cost: the prepared nodes
/// minus the candidates are copied, the candidates' pods are taken out of the topology counts, and
/// the scheduler places those pods and the pending ones (Karpenter keeps pending pods in every
/// simulation so consolidation does not take capacity they need).
///
/// Karpenter's destination rules hold: a moved pod may not land on a node that is not initialized
/// or that is still inside its NodePool's `consolidateAfter` window.
struct ConsolidationSimulation {
    let snapshot: Snapshot
    let instanceTypes: [String: [InstanceType]]?
    let options: SolverOptions
    /// The prepared cluster.
    let setup: ProvisioningSetup
    /// Per snapshot node: may receive moved pods (initialized, and out of its consolidateAfter window).
    private let isDestination: [Bool]
    /// Once cancelled, every simulation fails at once, so the consolidator's searches run out quickly.
    let control: SolveControl

    /// Where the candidates' pods would go.
    struct Outcome {
        /// New NodeClaims the move needs (they may also carry pending pods).
        var launches: [NodeLaunch]
        /// Candidate pods moved onto remaining nodes.
        var assignments: [NodeAssignment]
    }

    /// Prepares simulations that remove any of `candidates`, taking over the NodeClaim templates
    /// of `earlier` (the previous batch's simulations, same pools and instance types).
    init(snapshot: Snapshot, instanceTypes: [String: [InstanceType]]?, options: SolverOptions,
         candidates: [DisruptionCandidate], earlier: ConsolidationSimulation? = nil,
         control: SolveControl = .unbounded) {
        self.snapshot = snapshot
        self.instanceTypes = instanceTypes
        self.options = options
        self.control = control
        setup = ProvisioningSetup(snapshot: snapshot, instanceTypes: instanceTypes, options: options,
                                  shapingAlso: candidates.flatMap(\.reschedulablePods),
                                  reusingTemplatesOf: earlier?.setup)
        let pools = Dictionary(snapshot.nodePools.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let now = snapshot.cluster.now
        isDestination = snapshot.nodes.map { node in
            guard node.initialized else { return false }
            guard let pool = pools[node.nodePool] else { return true }
            // Never consolidatable: the window never closes.
            guard let window = pool.disruption.consolidateAfterSeconds else { return false }
            return now - node.createdAt >= window
        }
    }

    /// The move of `candidates`' pods, or nil when one of them would not find a home or would land
    /// on a node that may not receive it.
    func simulate(removing candidates: [DisruptionCandidate]) -> Outcome? {
        guard !control.isCancelled() else { return nil }
        let base = setup.scheduler
        var topology = base.topology
        var moving: [Int32] = []
        for candidate in candidates {
            for pod in candidate.reschedulablePods {
                let shape = base.shape(of: pod)
                guard shape.ignoredReason == nil else { return nil }
                if !snapshot.pods[Int(pod)].isTerminating {
                    topology.forgetRunning(shape.topologyPod(shape.constraints), onNode: candidate.node)
                }
                moving.append(pod)
            }
        }
        let removed = Set(candidates.map(\.node))
        // Without pending pods in the simulation, nodes that may not receive moved pods take no
        // part at all, so the scheduler looks further instead of failing the move.
        let onlyMoving = setup.batch.isEmpty
        let nodes = base.existingNodes.filter { node in
            !removed.contains(node.node) && (!onlyMoving || isDestination[node.node])
        }.map { node in
            ExistingNode(node: node.node, name: node.name, hostname: node.hostname, initialized: node.initialized,
                         requirements: node.requirements, taints: node.taints, available: node.available,
                         hostPorts: node.hostPorts, volumes: node.volumes)
        }
        var scheduler = Scheduler(resources: base.resources, options: options, shapes: base.shapes, pods: base.pods,
                                  templates: base.templates, limits: base.limits, existingNodes: nodes,
                                  topology: topology)
        scheduler.solve(setup.batch + moving, control: control)
        guard !control.isCancelled(), !moving.contains(where: { scheduler.failures[$0] != nil }) else { return nil }

        let isMoving = Set(moving)
        var assignments: [NodeAssignment] = []
        for node in scheduler.existingNodes.sorted(by: { $0.name < $1.name }) {
            let pods = node.placed.filter(isMoving.contains)
            guard !pods.isEmpty else { continue }
            guard isDestination[node.node] else { return nil }
            assignments.append(NodeAssignment(node: node.name, pods: pods))
        }
        let plan = PlanBuilder(snapshot: snapshot, setup: setup, scheduler: scheduler, options: options).plan
        return Outcome(launches: plan.launches, assignments: assignments)
    }
}
