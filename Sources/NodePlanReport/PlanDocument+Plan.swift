import NodePlanModel

/// A plan document names a pod the snapshot does not have.
public struct UnknownPodError: Error, Hashable, Sendable, CustomStringConvertible {
    public var pod: String
    public var field: String
    public var description: String { "\(field): pod \(pod) is not in the snapshot" }
}

extension PlanDocument {
    /// The plan this document describes, with pods resolved back to indices of `snapshot`.
    public func plan(for snapshot: Snapshot) throws(UnknownPodError) -> Plan {
        var indexByName: [String: Int32] = [:]
        for (index, pod) in snapshot.pods.enumerated() {
            indexByName[snapshot.spec(of: pod).namespace + "/" + pod.name] = Int32(index)
        }
        func resolve(_ names: [String], field: String) throws(UnknownPodError) -> [Int32] {
            var indices: [Int32] = []
            for name in names {
                guard let index = indexByName[name] else { throw UnknownPodError(pod: name, field: field) }
                indices.append(index)
            }
            return indices
        }
        var plan = Plan(cost: cost, timings: timingsMilliseconds, warnings: warnings,
                        strategy: SolverStrategy(rawValue: strategy) ?? .optimize)
        for (position, launch) in launches.enumerated() {
            let capacityType = CapacityType(rawValue: launch.capacityType) ?? .onDemand
            plan.launches.append(NodeLaunch(
                name: launch.name, nodePool: launch.nodePool,
                choice: LaunchOption(instanceType: launch.instanceType, zone: launch.zone, capacityType: capacityType,
                                     price: launch.pricePerHour),
                fallbacks: launch.fallbacks, requirements: launch.requirements, labels: launch.labels, taints: launch.taints,
                pods: try resolve(launch.pods, field: "launches[\(position)].pods"), requests: launch.requests))
        }
        for (position, assignment) in assignments.enumerated() {
            plan.assignments.append(NodeAssignment(
                node: assignment.node, pods: try resolve(assignment.pods, field: "assignments[\(position)].pods")))
        }
        for (position, termination) in terminations.enumerated() {
            plan.terminations.append(NodeTermination(
                node: termination.node, reason: TerminationReason(rawValue: termination.reason) ?? .underutilized,
                waitFor: termination.waitFor,
                evictedPods: try resolve(termination.evictedPods, field: "terminations[\(position)].evictedPods"),
                batch: termination.batch, savingsPerHour: termination.savingsPerHour))
        }
        for (position, entry) in unschedulable.enumerated() {
            let pods = try resolve([entry.pod], field: "unschedulable[\(position)].pod")
            plan.unschedulable.append(UnschedulablePod(
                pod: pods[0], reason: entry.reason, details: entry.details,
                preemptionCandidates: try resolve(entry.preemptionCandidates,
                                                  field: "unschedulable[\(position)].preemptionCandidates")))
        }
        return plan
    }
}
