import NodePlanModel

/// What happens to a set of candidates' pods when the candidates go (Karpenter's
/// `SimulateScheduling`), asked of the public provisioner: the candidates are marked for deletion
/// in a copy of the snapshot, so their reschedulable pods join the pending ones, and the
/// provisioner places them on the remaining nodes or on new NodeClaims.
struct ConsolidationSimulation {
    var snapshot: Snapshot
    var instanceTypes: [String: [InstanceType]]?
    var provisioner: Provisioner
    /// Once cancelled, every simulation fails at once, so the consolidator's searches run out quickly.
    var control: SolveControl = .unbounded

    /// Where the candidates' pods would go.
    struct Outcome {
        /// New NodeClaims the move needs (they may also carry pending pods).
        var launches: [NodeLaunch]
        /// Candidate pods moved onto remaining nodes.
        var assignments: [NodeAssignment]
    }

    /// The move of `candidates`' pods, or nil when one of them would not find a home or would land
    /// on a node that is not initialized yet (Karpenter treats both as failures).
    func simulate(removing candidates: [DisruptionCandidate]) throws(ProvisioningInputError) -> Outcome? {
        guard !control.isCancelled() else { return nil }
        var derived = snapshot
        for candidate in candidates { derived.nodes[candidate.node].markedForDeletion = true }
        let plan = try provisioner.solve(snapshot: derived, instanceTypes: instanceTypes, control: control)
        guard !control.isCancelled() else { return nil }
        let moving = Set(candidates.flatMap(\.reschedulablePods))
        guard !plan.unschedulable.contains(where: { moving.contains($0.pod) }) else { return nil }
        let initialized = Dictionary(snapshot.nodes.map { ($0.name, $0.initialized) }, uniquingKeysWith: { first, _ in first })
        var assignments: [NodeAssignment] = []
        var placed = 0
        for assignment in plan.assignments {
            let pods = assignment.pods.filter(moving.contains)
            guard !pods.isEmpty else { continue }
            guard initialized[assignment.node] == true else { return nil }
            assignments.append(NodeAssignment(node: assignment.node, pods: pods))
            placed += pods.count
        }
        placed += plan.launches.reduce(0) { $0 + $1.pods.filter(moving.contains).count }
        guard placed == moving.count else { return nil }
        return Outcome(launches: plan.launches, assignments: assignments)
    }
}
