import NodePlanModel

/// The plan as machines read it (`-o json|yaml`): pods by namespace/name instead of snapshot indices.
public struct PlanDocument: Codable, Sendable, Hashable {
    public struct Launch: Codable, Sendable, Hashable {
        public var name: String
        public var nodePool: String
        public var instanceType: String
        public var zone: String
        public var capacityType: String
        public var pricePerHour: Double
        public var fallbacks: [LaunchOption]
        public var requirements: [NodeSelectorRequirement]
        public var labels: [String: String]
        public var taints: [Taint]
        public var requests: ResourceList
        public var pods: [String]
    }

    public struct Assignment: Codable, Sendable, Hashable {
        public var node: String
        public var pods: [String]
    }

    public struct Termination: Codable, Sendable, Hashable {
        public var node: String
        public var reason: String
        public var batch: Int32
        public var waitFor: [String]
        public var evictedPods: [String]
        public var savingsPerHour: Double
    }

    public struct Unschedulable: Codable, Sendable, Hashable {
        public var pod: String
        public var reason: String
        public var details: [String]
        public var preemptionCandidates: [String]
    }

    public var strategy: String
    public var launches: [Launch]
    public var assignments: [Assignment]
    public var terminations: [Termination]
    public var unschedulable: [Unschedulable]
    public var cost: CostSummary
    public var warnings: [String]
    public var timingsMilliseconds: [String: Double]

    public init(snapshot: Snapshot, plan: Plan) {
        func name(_ index: Int32) -> String {
            let pod = snapshot.pods[Int(index)]
            return snapshot.spec(of: pod).namespace + "/" + pod.name
        }
        strategy = plan.strategy.rawValue
        launches = plan.launches.map {
            Launch(name: $0.name, nodePool: $0.nodePool, instanceType: $0.choice.instanceType, zone: $0.choice.zone,
                   capacityType: $0.choice.capacityType.rawValue, pricePerHour: $0.choice.price, fallbacks: $0.fallbacks,
                   requirements: $0.requirements, labels: $0.labels, taints: $0.taints, requests: $0.requests,
                   pods: $0.pods.map(name))
        }
        assignments = plan.assignments.map { Assignment(node: $0.node, pods: $0.pods.map(name)) }
        terminations = plan.terminations.map {
            Termination(node: $0.node, reason: $0.reason.rawValue, batch: $0.batch, waitFor: $0.waitFor,
                        evictedPods: $0.evictedPods.map(name), savingsPerHour: $0.savingsPerHour)
        }
        unschedulable = plan.unschedulable.map {
            Unschedulable(pod: name($0.pod), reason: $0.reason, details: $0.details,
                          preemptionCandidates: $0.preemptionCandidates.map(name))
        }
        cost = plan.cost
        warnings = plan.warnings
        timingsMilliseconds = plan.timings
    }
}
