import NodePlanModel

/// Preemption recommendations: which lower-priority running pods, if evicted, would let an
/// unplaced pod fit on an existing node. Advice only; the plan never evicts for it.
struct Preemption {
    /// Running pods that could be preempted (not DaemonSet or static pods), per node name,
    /// lowest priority first, with their priority and requests.
    private var victimsByNode: [String: [(pod: Int32, priority: Int32, requests: ResourceVector)]] = [:]

    init(snapshot: Snapshot, resources: ResourceIndex) {
        for (index, pod) in snapshot.pods.enumerated() where pod.isBound && !pod.isTerminal {
            let spec = snapshot.podSpecs[Int(pod.spec)]
            guard spec.owner?.kind != "DaemonSet", spec.owner?.kind != "Node" else { continue }
            victimsByNode[pod.nodeName, default: []].append(
                (Int32(index), spec.priority, resources.vector(spec.effectiveRequests)))
        }
        for node in victimsByNode.keys { victimsByNode[node]!.sort { ($0.priority, $0.pod) < ($1.priority, $1.pod) } }
    }

    /// The fewest lowest-priority pods on the first existing node (in scheduling order) whose
    /// taints and labels admit the pod and where evicting them makes room; empty when the pod may
    /// not preempt or no node would do.
    func candidates(for pod: Int32, spec: PodSpec, scheduler: Scheduler) -> [Int32] {
        guard spec.preemptionPolicy != "Never" else { return [] }
        let shape = scheduler.shape(of: pod)
        var constraints = shape.constraints
        constraints.removePreferences()
        for node in scheduler.existingNodes {
            guard let victims = victimsByNode[node.name],
                  TaintCheck.firstUntolerated(node.taints, by: constraints.tolerations) == nil,
                  node.requirements.strictConflict(with: constraints.requirements) == nil else { continue }
            var available = node.available
            var chosen: [Int32] = []
            for victim in victims where victim.priority < shape.priority {
                if shape.requests.firstShortfall(in: available) == nil { break }
                available += victim.requests
                chosen.append(victim.pod)
            }
            if !chosen.isEmpty && shape.requests.firstShortfall(in: available) == nil { return chosen }
        }
        return []
    }
}
