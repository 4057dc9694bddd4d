import NodePlanModel

extension Snapshot {
    /// The cluster as `plan` leaves it once its launches exist: each launch becomes an in-flight
    /// node (registered, not initialized, so consolidation neither removes it nor moves pods onto
    /// it) and every placed pod is bound where the plan put it. Pod indices do not change.
    func applying(_ plan: Plan, instanceTypes: [String: [InstanceType]]?) -> Snapshot {
        var settled = self
        for launch in plan.launches {
            let type = (instanceTypes?[launch.nodePool] ?? self.instanceTypes).first { $0.name == launch.choice.instanceType }
            var labels = launch.labels
            for requirement in type?.requirements ?? [] where requirement.operator == .in && requirement.values.count == 1 {
                labels[requirement.key] = requirement.values[0]
            }
            labels[WellKnownLabel.zone] = launch.choice.zone
            labels[WellKnownLabel.capacityType] = launch.choice.capacityType.rawValue
            labels[WellKnownLabel.instanceType] = launch.choice.instanceType
            labels[WellKnownLabel.nodePool] = launch.nodePool
            labels[WellKnownLabel.hostname] = launch.name
            settled.nodes.append(Node(
                name: launch.name, labels: labels, taints: launch.taints, startupTaints: launch.startupTaints,
                capacity: type?.capacity ?? launch.requests, allocatable: type?.allocatable ?? launch.requests,
                nodePool: launch.nodePool, instanceType: launch.choice.instanceType, price: launch.choice.price,
                registered: true, initialized: false, createdAt: cluster.now))
            for pod in launch.pods { settled.bind(pod, to: launch.name) }
        }
        for assignment in plan.assignments {
            for pod in assignment.pods { settled.bind(pod, to: assignment.node) }
        }
        return settled
    }

    private mutating func bind(_ pod: Int32, to node: String) {
        pods[Int(pod)].nodeName = node
        pods[Int(pod)].phase = .running
    }
}
