import NodePlanModel

/// A node's labels, looked up the way Kubernetes and Karpenter read them: deprecated keys
/// (`failure-domain.beta.kubernetes.io/zone`, …) resolve to their stable spelling.
struct NodeLabels: Hashable, Sendable {
    var values: [String: String]

    init(_ values: [String: String] = [:]) { self.values = values }

    subscript(key: String) -> String? {
        if let value = values[key] { return value }
        return WellKnownLabel.normalized[key].flatMap { values[$0] }
    }
}
