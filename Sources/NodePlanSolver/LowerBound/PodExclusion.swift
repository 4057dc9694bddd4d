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
///
/// Decided on demand and remembered: the clique search asks about few of the pairs.
struct PodExclusion {
    private let classes: [CompatibilityClass]
    private let shapes: [PodShape]
    private let rules: [HostnameRules]
    private let ports: [HostPortUsage]
    private let slots: [NodeSlot]
    /// Verdicts so far, by `first * classes.count + second` (both orders).
    private var verdicts: [Int: Bool] = [:]

    init(classes: [CompatibilityClass], shapes: [PodShape?], slots: [NodeSlot], topology: Topology) {
        self.classes = classes
        self.shapes = classes.map { shapes[$0.spec]! }
        rules = self.shapes.map { HostnameRules($0, topology: topology) }
        ports = self.shapes.map { HostPortUsage($0.hostPorts) }
        self.slots = slots
    }

    /// Whether a pod of class `first` and a (different) pod of class `second` are always apart.
    mutating func keepsApart(_ first: Int, _ second: Int) -> Bool {
        if let known = verdicts[first * classes.count + second] { return known }
        let apart = rules[first].keepsApart(shapes[first], shapes[second], rules[second])
            || (!ports[first].isEmpty && ports[first].firstConflict(with: shapes[second].hostPorts) != nil)
            || !classes[first].canShareNode(with: classes[second], slots: slots)
        verdicts[first * classes.count + second] = apart
        verdicts[second * classes.count + first] = apart
        return apart
    }

    /// A shape's constraints that never relax and act per node: required hostname anti-affinity,
    /// and DoNotSchedule hostname spread with maxSkew 1.
    private struct HostnameRules {
        var antiAffinity: [TopologyGroupDefinition] = []
        var spread: [(group: Int, definition: TopologyGroupDefinition)] = []

        init(_ shape: PodShape, topology: Topology) {
            for term in shape.constraints.antiAffinity where term.weight == nil {
                let definition = topology.groups[term.group].definition
                if definition.key == WellKnownLabel.hostname { antiAffinity.append(definition) }
            }
            for constraint in shape.constraints.spread where constraint.action == .doNotSchedule {
                let definition = topology.groups[constraint.group].definition
                if definition.key == WellKnownLabel.hostname && definition.maxSkew <= 1 {
                    spread.append((constraint.group, definition))
                }
            }
        }

        func repels(_ other: PodShape) -> Bool {
            antiAffinity.contains { $0.selects(namespace: other.namespace, labels: other.labels) }
        }

        func keepsApart(_ shape: PodShape, _ other: PodShape, _ otherRules: HostnameRules) -> Bool {
            if repels(other) || otherRules.repels(shape) { return true }
            return spread.contains { mine in
                otherRules.spread.contains { $0.group == mine.group }
                    && mine.definition.selects(namespace: shape.namespace, labels: shape.labels)
                    && mine.definition.selects(namespace: other.namespace, labels: other.labels)
            }
        }
    }
}
