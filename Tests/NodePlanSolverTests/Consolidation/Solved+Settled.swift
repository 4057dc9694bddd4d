import NodePlanModel
import NodePlanTesting

extension Solved {
    /// The cluster once the plan is carried out: terminated nodes gone, launches up and initialized
    /// with their pods, moved pods running where the plan put them.
    func settled() -> Scenario {
        var next = snapshot
        let terminated = Set(plan.terminations.map(\.node))
        next.nodes.removeAll { terminated.contains($0.name) }
        for launch in plan.launches {
            let type = snapshot.instanceTypes.first { $0.name == launch.choice.instanceType }!
            var labels = launch.labels
            labels[WellKnownLabel.zone] = launch.choice.zone
            labels[WellKnownLabel.capacityType] = launch.choice.capacityType.rawValue
            labels[WellKnownLabel.instanceType] = launch.choice.instanceType
            labels[WellKnownLabel.hostname] = launch.name
            next.nodes.append(Node(name: launch.name, labels: labels, taints: launch.taints, capacity: type.capacity,
                                   allocatable: type.allocatable, nodePool: launch.nodePool,
                                   instanceType: launch.choice.instanceType, price: launch.choice.price,
                                   createdAt: snapshot.cluster.now))
            for pod in launch.pods { next.pods[Int(pod)].nodeName = launch.name }
        }
        for assignment in plan.assignments {
            for pod in assignment.pods { next.pods[Int(pod)].nodeName = assignment.node }
        }
        var scenario = Scenario()
        scenario.snapshot = next
        return scenario
    }
}
