import NodePlanModel

/// Voluntary terminations (empty, underutilized, drifted) respect what Karpenter's disruption
/// controller respects; expiry is forceful and exempt.
///
/// - Neither the node nor any evicted pod carries `karpenter.sh/do-not-disrupt: "true"`, and the
///   node is not nominated for pending pods.
/// - Each evicted pod (not DaemonSet, mirror, finished or terminating) is covered by at most one
///   PodDisruptionBudget, and that budget allows a disruption: `disruptionsAllowed` when the
///   snapshot has it, otherwise derived from minAvailable/maxUnavailable over the running pods.
/// - Drift in a pool with `terminationGracePeriod` bypasses both, as in Karpenter.
/// - Per batch, NodePool and budget: the nodes terminated for reasons the budget covers stay
///   within `ceil(percent × pool nodes)` (or the count) minus the pool's nodes already disrupting
///   (not ready or being deleted). A budget with a schedule holds while its cron schedule (UTC)
///   fired less than its duration before the snapshot's time; a misconfigured budget (malformed
///   count or schedule, a schedule without duration or the reverse) allows nothing, as in Karpenter.
enum DisruptionRule {
    static func violations(in cluster: FinalCluster) -> [PlanViolation] {
        let snapshot = cluster.snapshot
        let nodes = Dictionary(snapshot.nodes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let budgets = PodDisruptionBudgets(snapshot)
        var violations: [PlanViolation] = []
        for termination in cluster.plan.terminations {
            guard let reason = termination.reason.disruptionReason, let node = nodes[termination.node] else { continue }
            func violation(_ rule: PlanRule, pod: Int32? = nil, _ message: String) {
                violations.append(PlanViolation(rule: rule, pod: pod, podName: pod.map(cluster.podName), node: node.name,
                                                message: message))
            }
            let forceful = reason == .drifted && cluster.pools[node.nodePool]?.terminationGracePeriodSeconds != nil
            guard !forceful else { continue }
            if node.annotations[WellKnownAnnotation.doNotDisrupt] == "true" {
                violation(.doNotDisruptIgnored, "node is annotated \(WellKnownAnnotation.doNotDisrupt)")
            }
            if node.nominated { violation(.doNotDisruptIgnored, "node is nominated for pending pods") }
            for pod in termination.evictedPods where snapshot.pods.indices.contains(Int(pod)) {
                let bound = snapshot.pods[Int(pod)]
                let spec = cluster.spec(pod)
                guard bound.nodeName == node.name, !bound.isTerminal, !bound.isTerminating, !spec.isDaemonOrMirror else {
                    continue
                }
                let annotation = bound.annotations[WellKnownAnnotation.doNotDisrupt]
                    ?? spec.annotations[WellKnownAnnotation.doNotDisrupt]
                if annotation == "true" {
                    violation(.doNotDisruptIgnored, pod: pod, "pod is annotated \(WellKnownAnnotation.doNotDisrupt)")
                }
                if let blocked = budgets.blockage(of: spec) { violation(.podDisruptionBudgetBlocks, pod: pod, blocked) }
            }
        }
        violations += budgetViolations(cluster)
        return violations
    }

    /// Node disruption budgets, per batch and NodePool.
    private static func budgetViolations(_ cluster: FinalCluster) -> [PlanViolation] {
        let snapshot = cluster.snapshot
        let nodes = Dictionary(snapshot.nodes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var terminated: [BatchKey: [DisruptionReason]] = [:]
        for termination in Set(cluster.plan.terminations.map { TerminationKey($0) }) {
            guard let reason = termination.reason, let node = nodes[termination.node] else { continue }
            terminated[BatchKey(pool: node.nodePool, batch: termination.batch), default: []].append(reason)
        }
        var violations: [PlanViolation] = []
        for (key, reasons) in terminated.sorted(by: { ($0.key.pool, $0.key.batch) < ($1.key.pool, $1.key.batch) }) {
            guard let pool = cluster.pools[key.pool] else { continue }
            let poolNodes = snapshot.nodes.filter { $0.nodePool == pool.name }
            let size = poolNodes.filter(\.initialized).count
            let disrupting = poolNodes.filter { !$0.ready || $0.markedForDeletion }.count
            for budget in pool.disruption.budgets {
                guard let allowed = budget.allowedDisruptions(poolSize: size, at: snapshot.cluster.now) else { continue }
                let counted = reasons.filter { budget.reasons.isEmpty || budget.reasons.contains($0) }.count
                let remaining = max(allowed - disrupting, 0)
                if counted > remaining {
                    violations.append(PlanViolation(
                        rule: .disruptionBudgetExceeded,
                        message: "NodePool \(pool.name) batch \(key.batch): \(counted) node(s) disrupted, "
                            + "budget \"\(budget.nodes)\" allows \(remaining) (\(allowed) of \(size) nodes, \(disrupting) already disrupting)"))
                }
            }
        }
        return violations
    }

    private struct BatchKey: Hashable {
        var pool: String
        var batch: Int32
    }

    /// A termination counted once even if the plan repeats it (`TerminationRule` reports that).
    private struct TerminationKey: Hashable {
        var node: String
        var reason: DisruptionReason?
        var batch: Int32

        init(_ termination: NodeTermination) {
            node = termination.node
            reason = termination.reason.disruptionReason
            batch = termination.batch
        }
    }
}

extension TerminationReason {
    /// The budget reason of a voluntary disruption; nil for expiry, which budgets do not limit.
    var disruptionReason: DisruptionReason? {
        switch self {
        case .empty: .empty
        case .underutilized: .underutilized
        case .drifted: .drifted
        case .expired: nil
        }
    }
}

extension DisruptionBudget {
    /// Nodes this budget lets a pool of `poolSize` nodes disrupt at `time`: nil while its schedule's
    /// window is closed, 0 when the budget is misconfigured.
    func allowedDisruptions(poolSize: Int, at time: Double) -> Int? {
        switch (schedule, durationSeconds) {
        case (nil, nil):
            break
        case let (schedule?, duration?):
            guard duration > 0, let cron = BudgetSchedule(schedule) else { return 0 }
            guard cron.isOpen(at: time, duration: duration) else { return nil }
        default:
            return 0
        }
        return allowedDisruptions(poolSize: poolSize) ?? 0
    }

    /// Nodes this budget lets a pool of `poolSize` nodes disrupt at once: a count, or a percentage
    /// rounded up; nil when `nodes` is malformed.
    func allowedDisruptions(poolSize: Int) -> Int? {
        if nodes.hasSuffix("%") {
            guard let percent = Int(nodes.dropLast()), (0...100).contains(percent) else { return nil }
            return (percent * poolSize + 99) / 100
        }
        return Int(nodes).flatMap { $0 >= 0 ? $0 : nil }
    }
}
