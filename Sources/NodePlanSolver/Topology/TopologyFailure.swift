/// A topology constraint that leaves no domain.
struct TopologyFailure: Error, Sendable {
    var definition: TopologyGroupDefinition
    var inverse: Bool
}

extension TopologyFailure: CustomStringConvertible {
    var description: String {
        let definition = definition
        switch definition.kind {
        case .spread:
            return "topology spread on \"\(definition.key)\" (maxSkew \(definition.maxSkew)) leaves no eligible domain"
        case .affinity:
            return "pod affinity on \"\(definition.key)\" finds no domain with a matching pod"
        case .antiAffinity:
            return inverse
                ? "another pod's required anti-affinity on \"\(definition.key)\" excludes every possible domain"
                : "pod anti-affinity on \"\(definition.key)\" leaves no domain free of matching pods"
        }
    }
}
