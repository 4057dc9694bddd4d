import NodePlanModel

/// Aggregated figures of a plan, the common ground of every output format.
public struct PlanSummary: Sendable {
    /// Launches that share pool, instance type, zone and capacity type.
    public struct LaunchGroup: Sendable, Hashable {
        public var nodePool: String
        public var instanceType: String
        public var zone: String
        public var capacityType: CapacityType
        public var nodes: Int
        public var pods: Int
        public var pricePerHour: Double
        /// Requested fraction of allocatable per resource (cpu, memory), over the group's nodes.
        public var utilization: [String: Double]
    }

    public var launchGroups: [LaunchGroup]
    public var podsOnExistingNodes: Int
    public var existingNodesUsed: Int
    public var terminations: [NodeTermination]
    /// Unplaced pods grouped by reason: (reason, pod names).
    public var unschedulable: [(reason: String, pods: [String])]
    public var cost: CostSummary

    public static let hoursPerMonth = 730.0

    /// Summarises `plan` for `snapshot`; `instanceTypes` (by pool) supply allocatable for utilization.
    public init(snapshot: Snapshot, plan: Plan, instanceTypes: [String: [InstanceType]] = [:]) {
        func allocatable(pool: String, instanceType: String) -> ResourceList? {
            let candidates = instanceTypes[pool] ?? snapshot.instanceTypes
            return candidates.first { $0.name == instanceType }?.allocatable
        }
        var groups: [String: (group: LaunchGroup, requested: ResourceList, available: ResourceList)] = [:]
        for launch in plan.launches {
            let key = [launch.nodePool, launch.choice.instanceType, launch.choice.zone, launch.choice.capacityType.rawValue]
                .joined(separator: "\u{1F}")
            var entry = groups[key] ?? (
                LaunchGroup(nodePool: launch.nodePool, instanceType: launch.choice.instanceType, zone: launch.choice.zone,
                            capacityType: launch.choice.capacityType, nodes: 0, pods: 0, pricePerHour: 0, utilization: [:]),
                ResourceList(), ResourceList()
            )
            entry.group.nodes += 1
            entry.group.pods += launch.pods.count
            entry.group.pricePerHour += launch.choice.price
            entry.requested.add(launch.requests)
            if let available = allocatable(pool: launch.nodePool, instanceType: launch.choice.instanceType) {
                entry.available.add(available)
            }
            groups[key] = entry
        }
        launchGroups = groups.values.map { entry in
            var group = entry.group
            for resource in [ResourceName.cpu, ResourceName.memory] where entry.available[resource].milli > 0 {
                group.utilization[resource] = entry.requested[resource].doubleValue / entry.available[resource].doubleValue
            }
            return group
        }.sorted {
            ($0.nodePool, $0.instanceType, $0.zone, $0.capacityType.rawValue)
                < ($1.nodePool, $1.instanceType, $1.zone, $1.capacityType.rawValue)
        }
        podsOnExistingNodes = plan.assignments.reduce(0) { $0 + $1.pods.count }
        existingNodesUsed = plan.assignments.filter { !$0.pods.isEmpty }.count
        terminations = plan.terminations
        var byReason: [String: [String]] = [:]
        for pod in plan.unschedulable {
            byReason[pod.reason, default: []].append(snapshot.pods[Int(pod.pod)].name)
        }
        unschedulable = byReason.map { (reason: $0.key, pods: $0.value) }.sorted { $0.reason < $1.reason }
        cost = plan.cost
    }
}
