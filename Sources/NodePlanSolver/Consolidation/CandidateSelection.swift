import NodePlanModel

/// Finds the snapshot's disruption candidates (Karpenter's `NewCandidate` plus the consolidation
/// filter) and orders them.
struct CandidateSelection {
    /// Candidates in Karpenter's order.
    var candidates: [DisruptionCandidate] = []

    /// - Parameter instanceTypes: per pool, to price nodes the snapshot gives no price for.
    init(snapshot: Snapshot, instanceTypes: [String: [InstanceType]]?) {
        let pools = Dictionary(snapshot.nodePools.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let budgets = PodDisruptionBudgetAllowances(snapshot)
        var podsByNode: [String: [Int32]] = [:]
        for (index, pod) in snapshot.pods.enumerated() where pod.isBound {
            podsByNode[pod.nodeName, default: []].append(Int32(index))
        }
        let now = snapshot.cluster.now
        // CPU and memory requests (millis) per pod spec, for utilization.
        let specRequests = snapshot.podSpecs.map { spec in
            let requests = spec.effectiveRequests
            return (cpu: requests[ResourceName.cpu].milli, memory: requests[ResourceName.memory].milli)
        }
        for (index, node) in snapshot.nodes.enumerated() {
            guard !node.nodePool.isEmpty, node.registered, node.initialized, !node.markedForDeletion, !node.nominated,
                  node.annotations[WellKnownAnnotation.doNotDisrupt] != "true",
                  let pool = pools[node.nodePool], pool.replicas == nil else { continue }
            // With a termination grace period, drift drains regardless of pods (Karpenter's eventual class);
            // such nodes are still candidates for drift only.
            let podsBlock = Self.podsBlockDisruption(podsByNode[node.name] ?? [], snapshot: snapshot, budgets: budgets,
                                                     now: now)
            let forcefulDrift = node.drifted && pool.terminationGracePeriodSeconds != nil
            guard !podsBlock || forcefulDrift else { continue }

            var reschedulable: [Int32] = []
            var disruptionCost = 1.0
            var requested: (cpu: Int64, memory: Int64) = (0, 0)
            for podIndex in podsByNode[node.name] ?? [] {
                let pod = snapshot.pods[Int(podIndex)]
                let spec = snapshot.spec(of: pod)
                guard Self.isReschedulable(pod, spec: spec) else { continue }
                reschedulable.append(podIndex)
                disruptionCost += max(0, EvictionCost.of(pod, spec: spec))
                requested.cpu += specRequests[Int(pod.spec)].cpu
                requested.memory += specRequests[Int(pod.spec)].memory
            }
            func share(_ requested: Int64, of resource: String) -> Double {
                let allocatable = node.allocatable[resource].milli
                return allocatable > 0 ? Double(requested) / Double(allocatable) : 1
            }
            let utilization = max(share(requested.cpu, of: ResourceName.cpu), share(requested.memory, of: ResourceName.memory))
            let capacityType = node.labels[WellKnownLabel.capacityType].flatMap(CapacityType.init(rawValue:))
            let price = node.hourlyPrice(among: instanceTypes?[pool.name] ?? snapshot.instanceTypes)
            let consolidateAfter = pool.disruption.consolidateAfterSeconds
            let consolidatable = !podsBlock && consolidateAfter.map { now - node.createdAt >= $0 } == true
                && price != nil && capacityType != nil && node.labels[WellKnownLabel.zone] != nil
            candidates.append(DisruptionCandidate(
                node: index, name: node.name, nodePool: pool.name, instanceType: node.instanceType,
                capacityType: capacityType, price: price, reschedulablePods: reschedulable,
                rescheduleDisruptionCost: disruptionCost, consolidatable: consolidatable,
                underutilizedAllowed: pool.disruption.consolidationPolicy != .whenEmpty,
                drifted: node.drifted, createdAt: node.createdAt, utilization: utilization))
        }
        candidates.sort(by: DisruptionCandidate.precedes)
    }

    /// Pods the provisioner re-homes when their node goes: active, not DaemonSet or mirror pods;
    /// terminating StatefulSet pods still need room for their successor.
    static func isReschedulable(_ pod: Pod, spec: PodSpec) -> Bool {
        guard !pod.isTerminal, spec.owner?.kind != "DaemonSet", spec.owner?.kind != "Node" else { return false }
        return !pod.isTerminating || spec.owner?.kind == "StatefulSet"
    }

    /// An active pod asks not to be disrupted, or an evictable pod's PodDisruptionBudget forbids it.
    private static func podsBlockDisruption(_ pods: [Int32], snapshot: Snapshot, budgets: PodDisruptionBudgetAllowances,
                                            now: Double) -> Bool {
        pods.contains { index in
            let pod = snapshot.pods[Int(index)]
            let spec = snapshot.spec(of: pod)
            guard !pod.isTerminal, !pod.isTerminating else { return false }
            if hasActiveDoNotDisrupt(pod, spec: spec, now: now) { return true }
            guard spec.owner?.kind != "DaemonSet", spec.owner?.kind != "Node" else { return false }
            return budgets.blockage(of: spec) != nil
        }
    }

    /// `karpenter.sh/do-not-disrupt` is "true", or a duration that has not yet elapsed since the
    /// pod started; an unreadable value protects the pod (fail closed).
    static func hasActiveDoNotDisrupt(_ pod: Pod, spec: PodSpec, now: Double) -> Bool {
        guard let value = pod.annotations[WellKnownAnnotation.doNotDisrupt]
            ?? spec.annotations[WellKnownAnnotation.doNotDisrupt] else { return false }
        if value == "true" { return true }
        guard let duration = GoDuration.seconds(value) else { return value != "false" }
        return now < pod.createdAt + duration
    }
}
