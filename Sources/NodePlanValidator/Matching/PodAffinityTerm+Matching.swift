import NodePlanModel

/// A required pod (anti-)affinity term resolved against its owner: the namespaces it looks in and
/// the selector with `matchLabelKeys`/`mismatchLabelKeys` folded in, as Kubernetes does.
struct ResolvedAffinityTerm: Sendable {
    var topologyKey: String
    /// Nil means every namespace.
    var namespaces: Set<String>?
    /// Nil (a missing selector) matches no pod.
    var selector: LabelSelector?
    var readable: String

    init(_ term: PodAffinityTerm, owner: PodSpec, namespaceLabels: [String: [String: String]]) {
        topologyKey = term.topologyKey
        if term.namespaces.isEmpty && term.namespaceSelector == nil {
            namespaces = [owner.namespace]
        } else if let namespaceSelector = term.namespaceSelector, namespaceSelector.isEverything {
            namespaces = nil
        } else {
            var names = Set(term.namespaces)
            if let namespaceSelector = term.namespaceSelector {
                for (name, labels) in namespaceLabels where namespaceSelector.matches(labels) { names.insert(name) }
            }
            namespaces = names
        }
        if var selector = term.labelSelector {
            for key in term.matchLabelKeys {
                if let value = owner.labels[key] {
                    selector.matchExpressions.append(LabelSelectorRequirement(key: key, operator: .in, values: [value]))
                }
            }
            for key in term.mismatchLabelKeys {
                if let value = owner.labels[key] {
                    selector.matchExpressions.append(LabelSelectorRequirement(key: key, operator: .notIn, values: [value]))
                }
            }
            self.selector = selector
        } else {
            selector = nil
        }
        let where_ = namespaces.map { "namespaces [\($0.sorted().joined(separator: ","))]" } ?? "all namespaces"
        readable = "\(term.labelSelector.map(\.readable) ?? "no selector") in \(where_) by \(term.topologyKey)"
    }

    /// What decides which pods the term selects and where: terms of different shapes with equal
    /// content constrain the same group of pods.
    struct Content: Hashable {
        var topologyKey: String
        var namespaces: Set<String>?
        var selector: LabelSelector?
    }

    var content: Content { Content(topologyKey: topologyKey, namespaces: namespaces, selector: selector) }

    /// Whether a pod of shape `spec` is one this term selects.
    func selects(_ spec: PodSpec) -> Bool {
        guard let selector else { return false }
        if let namespaces, !namespaces.contains(spec.namespace) { return false }
        return selector.matches(spec.labels)
    }
}

extension LabelSelector {
    var isEverything: Bool { matchLabels.isEmpty && matchExpressions.isEmpty }

    var readable: String {
        let labels = matchLabels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let expressions = matchExpressions.map { "\($0.key) \($0.operator.rawValue) [\($0.values.joined(separator: ","))]" }
        let parts = labels + expressions
        return parts.isEmpty ? "{}" : "{" + parts.joined(separator: ", ") + "}"
    }
}
