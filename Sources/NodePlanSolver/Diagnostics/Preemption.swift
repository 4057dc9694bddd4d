import NodePlanModel

/// Preemption recommendations: which lower-priority running pods, if evicted, would let an
/// unplaced pod fit on an existing node. Advice only; the plan never evicts for it.
enum Preemption {
    /// The fewest lowest-priority pods on the first existing node (in scheduling order) where
    /// evicting them makes room; empty when the pod may not preempt or no node would do.
    static func candidates(for pod: Int32, snapshot: Snapshot, scheduler: Scheduler) -> [Int32] {
        let shape = scheduler.shape(of: pod)
        let spec = snapshot.podSpecs[Int(snapshot.pods[Int(pod)].spec)]
        guard spec.preemptionPolicy != "Never" else { return [] }
        var constraints = shape.constraints
        constraints.removePreferences()

        var victimsByNode: [String: [Int32]] = [:]
        for (index, other) in snapshot.pods.enumerated() where other.isBound && !other.isTerminal {
            let otherSpec = snapshot.podSpecs[Int(other.spec)]
            guard otherSpec.priority < shape.priority, otherSpec.owner?.kind != "DaemonSet",
                  otherSpec.owner?.kind != "Node" else { continue }
            victimsByNode[other.nodeName, default: []].append(Int32(index))
        }
        for node in scheduler.existingNodes {
            guard var victims = victimsByNode[node.name] else { continue }
            guard TaintCheck.firstUntolerated(node.taints, by: constraints.tolerations) == nil,
                  node.requirements.strictConflict(with: constraints.requirements) == nil else { continue }
            victims.sort { lhs, rhs in
                let left = snapshot.podSpecs[Int(snapshot.pods[Int(lhs)].spec)].priority
                let right = snapshot.podSpecs[Int(snapshot.pods[Int(rhs)].spec)].priority
                return (left, lhs) < (right, rhs)
            }
            var available = node.available
            var chosen: [Int32] = []
            for victim in victims {
                if shape.requests.firstShortfall(in: available) == nil { break }
                available += scheduler.resources.vector(snapshot.podSpecs[Int(snapshot.pods[Int(victim)].spec)]
                    .effectiveRequests)
                chosen.append(victim)
            }
            if shape.requests.firstShortfall(in: available) == nil && !chosen.isEmpty { return chosen }
        }
        return []
    }
}
