import NodePlanModel

extension NodeAssignment {
    /// One assignment per node, in order of first appearance, pods in order.
    static func merged(_ assignments: [NodeAssignment]) -> [NodeAssignment] {
        var podsByNode: [String: [Int32]] = [:]
        var order: [String] = []
        for assignment in assignments where !assignment.pods.isEmpty {
            if podsByNode[assignment.node] == nil { order.append(assignment.node) }
            podsByNode[assignment.node, default: []] += assignment.pods
        }
        return order.map { NodeAssignment(node: $0, pods: podsByNode[$0]!) }
    }
}
