import NodePlanModel

/// How full one node is after the plan: its allocatable and the requests of the pods on it,
/// grouped by workload, for the packing picture.
public struct NodeFill: Sendable, Hashable {
    public struct Segment: Sendable, Hashable {
        /// The workload (owner name, `app` label, or namespace) the pods belong to.
        public var workload: String
        public var pods: Int
        public var requests: ResourceList
    }

    public var name: String
    /// "new" for launches, "existing" for nodes already in the cluster.
    public var kind: String
    public var instanceType: String
    public var allocatable: ResourceList
    public var segments: [Segment]

    /// The fraction of allocatable `resource` that pods request (0 when allocatable is unknown).
    public func fraction(_ resource: String, of segment: Segment? = nil) -> Double {
        let total = allocatable[resource].doubleValue
        guard total > 0 else { return 0 }
        let used = segment.map { $0.requests[resource] } ?? segments.reduce(Quantity.zero) { $0 + $1.requests[resource] }
        return used.doubleValue / total
    }

    /// Fills of every launched node and every existing node that holds pods after the plan.
    public static func fills(snapshot: Snapshot, plan: Plan, instanceTypes: [String: [InstanceType]] = [:]) -> [NodeFill] {
        var podsByNode: [String: [Int32]] = [:]
        let terminated = Set(plan.terminations.map(\.node))
        let evicted = Set(plan.terminations.flatMap(\.evictedPods))
        for (index, pod) in snapshot.pods.enumerated()
        where pod.isBound && !pod.isTerminal && !evicted.contains(Int32(index)) {
            podsByNode[pod.nodeName, default: []].append(Int32(index))
        }
        for assignment in plan.assignments { podsByNode[assignment.node, default: []] += assignment.pods }

        var fills: [NodeFill] = []
        for launch in plan.launches {
            let types = instanceTypes[launch.nodePool] ?? snapshot.instanceTypes
            let allocatable = types.first { $0.name == launch.choice.instanceType }?.allocatable ?? ResourceList()
            fills.append(NodeFill(name: launch.name, kind: "new", instanceType: launch.choice.instanceType,
                                  allocatable: allocatable, segments: segments(launch.pods, snapshot: snapshot)))
        }
        for node in snapshot.nodes where !terminated.contains(node.name) {
            guard let pods = podsByNode[node.name], !pods.isEmpty else { continue }
            fills.append(NodeFill(name: node.name, kind: "existing", instanceType: node.instanceType,
                                  allocatable: node.allocatable, segments: segments(pods, snapshot: snapshot)))
        }
        return fills
    }

    private static func segments(_ pods: [Int32], snapshot: Snapshot) -> [Segment] {
        var byWorkload: [String: Segment] = [:]
        for index in pods {
            let spec = snapshot.spec(of: snapshot.pods[Int(index)])
            let workload = spec.owner?.name ?? spec.labels["app"] ?? spec.labels["app.kubernetes.io/name"] ?? spec.namespace
            var segment = byWorkload[workload] ?? Segment(workload: workload, pods: 0, requests: ResourceList())
            segment.pods += 1
            segment.requests.add(spec.effectiveRequests)
            byWorkload[workload] = segment
        }
        return byWorkload.values.sorted { $0.workload < $1.workload }
    }
}
