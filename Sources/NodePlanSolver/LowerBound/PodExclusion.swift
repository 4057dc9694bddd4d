import NodePlanModel

/// Which pod classes can never share a node, whatever else the plan does: a pod of one class and
/// a pod of the other are always on distinct nodes (for a class and itself: any two of its pods).
///
/// Two pods exclude each other when
/// - one's required anti-affinity on the hostname selects the other (Karpenter enforces it both
///   ways: the pod's own term, and the inverse term of pods already placed);
/// - both own the same DoNotSchedule hostname spread constraint with maxSkew 1 and it selects
///   both: a hostname domain's minimum is always 0 (a new node can be made), so whichever comes
///   second would make a skew of 2;
/// - their host ports clash;
/// - no node kind and offering admits both with room for both.
struct PodExclusion {
    private let excludes: [[Bool]]

    init(classes: [CompatibilityClass], shapes: [PodShape?], slots: [NodeSlot], topology: Topology) {
        let count = classes.count
        var excludes = Array(repeating: Array(repeating: false, count: count), count: count)
        for first in 0..<count {
            let firstShape = shapes[classes[first].spec]!
            for second in first..<count {
                let secondShape = shapes[classes[second].spec]!
                let apart = Self.topologyKeepsApart(firstShape, secondShape, topology: topology)
                    || HostPortUsage(firstShape.hostPorts).firstConflict(with: secondShape.hostPorts) != nil
                    || !classes[first].canShareNode(with: classes[second], slots: slots)
                excludes[first][second] = apart
                excludes[second][first] = apart
            }
        }
        self.excludes = excludes
    }

    /// Whether a pod of class `first` and a (different) pod of class `second` are always apart.
    func keepsApart(_ first: Int, _ second: Int) -> Bool { excludes[first][second] }

    private static func topologyKeepsApart(_ first: PodShape, _ second: PodShape, topology: Topology) -> Bool {
        func repels(_ owner: PodShape, _ other: PodShape) -> Bool {
            owner.constraints.antiAffinity.contains { term in
                let definition = topology.groups[term.group].definition
                return term.weight == nil && definition.key == WellKnownLabel.hostname
                    && definition.selects(namespace: other.namespace, labels: other.labels)
            }
        }
        if repels(first, second) || repels(second, first) { return true }
        let secondSpread = Set(second.constraints.spread.filter { $0.action == .doNotSchedule }.map(\.group))
        return first.constraints.spread.contains { constraint in
            let definition = topology.groups[constraint.group].definition
            return constraint.action == .doNotSchedule && secondSpread.contains(constraint.group)
                && definition.key == WellKnownLabel.hostname && definition.maxSkew <= 1
                && definition.selects(namespace: first.namespace, labels: first.labels)
                && definition.selects(namespace: second.namespace, labels: second.labels)
        }
    }
}
