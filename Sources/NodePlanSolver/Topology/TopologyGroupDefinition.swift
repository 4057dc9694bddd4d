import NodePlanModel

/// What a topology group counts and how it constrains: shared by every pod with an equal constraint.
struct TopologyGroupDefinition: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case spread
        case affinity
        case antiAffinity
    }

    var kind: Kind
    var key: String
    var namespaces: NamespaceScope
    var selector: LabelSelector
    /// Spread only.
    var maxSkew: Int32 = .max
    var minDomains: Int32?
    var nodeFilter: TopologyNodeFilter = .everything

    /// Whether a pod in `namespace` labelled `labels` is counted.
    func selects(namespace: String, labels: [String: String]) -> Bool {
        namespaces.contains(namespace) && selector.matches(labels)
    }
}
