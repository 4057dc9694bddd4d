import NodePlanModel

/// On every node that receives pods, the requests of all its pods plus the DaemonSet pods that
/// would still start there fit allocatable, for every resource (cpu, memory, pods, storage, GPUs,
/// extended). Nodes the plan does not touch are not judged.
enum CapacityRule {
    static func violations(in cluster: FinalCluster) -> [PlanViolation] {
        var violations: [PlanViolation] = []
        for node in cluster.nodes where !node.newPods.isEmpty {
            guard let allocatable = node.allocatable else { continue }
            if let message = overflow(of: cluster.requests(of: node.pods), daemonSets: cluster.pendingDaemonSets(on: node),
                                      allocatable: allocatable) {
                violations.append(PlanViolation(rule: .insufficientCapacity, node: node.name, message: message))
            }
        }
        return violations
    }

    /// A sentence naming each resource that `pods` plus `daemonSets` overflow, or nil when they fit.
    static func overflow(of pods: ResourceList, daemonSets: [DaemonSet], allocatable: ResourceList) -> String? {
        var daemons = ResourceList()
        for daemonSet in daemonSets { daemons.add(daemonSet.template.effectiveRequests) }
        let total = pods + daemons
        let overflowing = total.entries.filter { $0.quantity.milli > 0 && $0.quantity > allocatable[$0.name] }
        guard !overflowing.isEmpty else { return nil }
        return overflowing.map { entry in
            "\(entry.name): pods \(pods[entry.name]) + DaemonSets \(daemons[entry.name]) "
                + "exceed allocatable \(allocatable[entry.name])"
        }.joined(separator: "; ")
    }
}

extension FinalCluster {
    /// The summed effective requests of `pods`.
    func requests(of pods: [Int32]) -> ResourceList {
        var total = ResourceList()
        for pod in pods { total.add(specRequests[Int(snapshot.pods[Int(pod)].spec)]) }
        return total
    }
}
