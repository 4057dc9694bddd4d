/// One broken hard constraint: the rule, the pod and node involved, and a readable explanation.
public struct PlanViolation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var rule: PlanRule
    /// Index into `Snapshot.pods`, when a pod is involved.
    public var pod: Int32?
    /// The pod's name (or `#index` for an unknown index).
    public var podName: String?
    /// The existing node or launch involved.
    public var node: String?
    public var message: String

    public init(rule: PlanRule, pod: Int32? = nil, podName: String? = nil, node: String? = nil, message: String) {
        self.rule = rule
        self.pod = pod
        self.podName = podName
        self.node = node
        self.message = message
    }

    public var description: String {
        var subject: [String] = []
        if let podName { subject.append("pod \(podName)") }
        if let node { subject.append("node \(node)") }
        let prefix = subject.isEmpty ? "" : subject.joined(separator: " on ") + ": "
        return "[\(rule.rawValue)] \(prefix)\(message)"
    }
}
