import NodePlanModel

/// Karpenter's expiration: a managed node older than its pool's `expireAfter` is deleted,
/// regardless of disruption budgets, and the provisioner re-homes its pods. It is not a
/// disruption method, so it runs beside consolidation, not in its order.
enum Expiration {
    /// Indices of the nodes whose pool's `expireAfter` has passed at `snapshot.cluster.now`.
    static func expiredNodes(in snapshot: Snapshot) -> [Int] {
        let pools = Dictionary(snapshot.nodePools.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return snapshot.nodes.indices.filter { index in
            let node = snapshot.nodes[index]
            guard !node.markedForDeletion, let expireAfter = pools[node.nodePool]?.expireAfterSeconds else { return false }
            return snapshot.cluster.now - node.createdAt >= expireAfter
        }
    }

    /// Provisioning with the expired nodes gone: their pods join the pending ones, and each expired
    /// node whose every pod finds a home gets an `Expired` termination that waits for the launches
    /// taking its pods. A node some pod cannot leave (no room, do-not-disrupt, a PodDisruptionBudget)
    /// stays, with a warning, since draining it would strand that pod.
    ///
    /// - Returns: the plan and the snapshot it was planned for (expired nodes marked for deletion).
    static func provisioning(snapshot: Snapshot, instanceTypes: [String: [InstanceType]]?, provisioner: Provisioner,
                             control: SolveControl = .unbounded)
        throws(ProvisioningInputError) -> (plan: Plan, snapshot: Snapshot) {
        var expired = expiredNodes(in: snapshot)
        var warnings: [String] = []
        while true {
            var derived = snapshot
            for node in expired { derived.nodes[node].markedForDeletion = true }
            var plan = try provisioner.solve(snapshot: derived, instanceTypes: instanceTypes, control: control)
            // A cancelled solve leaves pods unplaced, which would read as stuck nodes.
            guard !control.isCancelled() else { return (plan, derived) }
            var homes: [Int32: String?] = [:]  // pod → launch name, or nil for an existing node
            for launch in plan.launches { for pod in launch.pods { homes[pod] = .some(launch.name) } }
            for assignment in plan.assignments { for pod in assignment.pods { homes[pod] = .some(nil) } }
            var stuck: [Int] = []
            var terminations: [NodeTermination] = []
            for node in expired {
                let name = snapshot.nodes[node].name
                let pods = snapshot.pods.indices.filter { index in
                    let pod = snapshot.pods[index]
                    let owner = snapshot.spec(of: pod).owner?.kind
                    return pod.nodeName == name && !pod.isTerminal && owner != "DaemonSet" && owner != "Node"
                }.map(Int32.init)
                guard pods.allSatisfy({ homes[$0] != nil }) else {
                    stuck.append(node)
                    continue
                }
                var waitFor: [String] = []
                for pod in pods { if case let launch?? = homes[pod], !waitFor.contains(launch) { waitFor.append(launch) } }
                terminations.append(NodeTermination(node: name, reason: .expired, waitFor: waitFor, evictedPods: pods))
            }
            guard stuck.isEmpty else {
                for node in stuck {
                    warnings.append("node \(snapshot.nodes[node].name) has expired but not every pod can leave it")
                }
                expired.removeAll(where: stuck.contains)
                continue
            }
            plan.terminations = terminations
            plan.cost.after -= expired.reduce(0) { $0 + (snapshot.nodes[$1].price ?? 0) }
            plan.warnings += warnings
            return (plan, derived)
        }
    }
}
