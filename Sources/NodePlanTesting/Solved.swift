import NodePlanModel

/// A scenario's plan with questions a test asks of it.
public struct Solved: Sendable {
    public var snapshot: Snapshot
    public var plan: Plan

    /// Where one pod ended up.
    public enum Placement: Hashable, Sendable {
        case existing(node: String)
        case launch(name: String)
        case unschedulable(reason: String)
        case untouched
    }

    public var launches: [NodeLaunch] { plan.launches }

    public func launches(pool: String) -> [NodeLaunch] { plan.launches.filter { $0.nodePool == pool } }
    public func launches(instanceType: String) -> [NodeLaunch] { plan.launches.filter { $0.choice.instanceType == instanceType } }
    public func launches(zone: String) -> [NodeLaunch] { plan.launches.filter { $0.choice.zone == zone } }

    /// The index of the pod called `name`.
    public func podIndex(_ name: String) -> Int32 {
        guard let index = snapshot.pods.firstIndex(where: { $0.name == name }) else {
            preconditionFailure("no pod named \(name)")
        }
        return Int32(index)
    }

    public func placement(of name: String) -> Placement {
        let pod = podIndex(name)
        if let launch = plan.launches.first(where: { $0.pods.contains(pod) }) { return .launch(name: launch.name) }
        if let assignment = plan.assignments.first(where: { $0.pods.contains(pod) }) {
            return .existing(node: assignment.node)
        }
        if let unplaced = plan.unschedulable.first(where: { $0.pod == pod }) { return .unschedulable(reason: unplaced.reason) }
        return .untouched
    }

    /// The launch that hosts the pod called `name`.
    public func launch(of name: String) -> NodeLaunch? {
        let pod = podIndex(name)
        return plan.launches.first { $0.pods.contains(pod) }
    }

    /// Names of the nodes the plan terminates, sorted.
    public var terminatedNodes: [String] { plan.terminations.map(\.node).sorted() }

    /// Names of the nodes terminated in `batch`, sorted.
    public func terminatedNodes(batch: Int32) -> [String] {
        plan.terminations.filter { $0.batch == batch }.map(\.node).sorted()
    }

    /// The termination of the node called `node`.
    public func termination(of node: String) -> NodeTermination? { plan.terminations.first { $0.node == node } }

    /// The unplaced entry of the pod called `name`.
    public func unschedulable(_ name: String) -> UnschedulablePod? {
        let pod = podIndex(name)
        return plan.unschedulable.first { $0.pod == pod }
    }

    /// Names of the pods a launch or assignment carries.
    public func podNames(_ pods: [Int32]) -> [String] { pods.map { snapshot.pods[Int($0)].name } }

    /// Pods placed anywhere (launches and assignments).
    public var placedCount: Int {
        plan.launches.reduce(0) { $0 + $1.pods.count } + plan.assignments.reduce(0) { $0 + $1.pods.count }
    }

    /// The value a launch's requirements pin `key` to, if exactly one.
    public func pinned(_ key: String, of launch: NodeLaunch) -> String? {
        let values = launch.requirements.filter { $0.key == key && $0.operator == .in }.flatMap(\.values)
        return values.count == 1 ? values[0] : nil
    }
}
