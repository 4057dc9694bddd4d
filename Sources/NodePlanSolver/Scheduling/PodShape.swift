import NodePlanModel

/// Everything the scheduler derives from one interned `PodSpec`, shared by all its replicas:
/// requests as a vector, initial constraints, topology groups, and why it is ignored (if it is).
struct PodShape: Sendable {
    var requests: ResourceVector
    var hostPorts: [HostPort]
    var attachments: [String: Int]
    var namespace: String
    var labels: [String: String]
    var priority: Int32
    /// Set when Karpenter would ignore the pod (restricted label, unsupported requirement).
    var ignoredReason: String?
    /// Node requirements of its volumes' topology, one per alternative (empty when unconstrained);
    /// they bind the node, never the pod's own topology domains.
    var volumeAlternatives: [Requirements]
    var constraints: PodConstraints
    /// Inverse anti-affinity groups of its required anti-affinity terms.
    var ownedInverseGroups: [Int]
    /// Filled once every group exists: groups that count this shape, inverse groups that repel it.
    var countingGroups: [Int] = []
    var repellingInverseGroups: [Int] = []

    /// Topology identity of a pod of this shape under `constraints`.
    func topologyPod(_ constraints: PodConstraints) -> TopologyPod {
        TopologyPod(namespace: namespace, labels: labels, ownedGroups: constraints.ownedGroups,
                    ownedInverseGroups: ownedInverseGroups, countingGroups: countingGroups,
                    repellingInverseGroups: repellingInverseGroups)
    }
}

extension PodShape {
    /// Builds the shape of `spec`, creating its topology groups in `topology`.
    init(_ spec: PodSpec, resources: ResourceIndex, namespaces: [Namespace], topology: inout Topology) {
        requests = resources.vector(spec.effectiveRequests)
        hostPorts = spec.hostPorts
        attachments = spec.volumes.attachments
        namespace = spec.namespace
        labels = spec.labels
        priority = spec.priority
        ignoredReason = PodValidation.ignoredReason(spec)

        let selector = Requirements(labels: spec.nodeSelector)
        let nodeAffinity = spec.affinity.nodeAffinity
        let affinityTerms = (nodeAffinity?.required ?? []).map { selector.adding(Requirements($0.matchExpressions)) }
        let requiredTerms = affinityTerms.isEmpty ? [selector] : affinityTerms
        volumeAlternatives = spec.volumes.topologyAlternatives.map { Requirements($0) }
        let preferredNodeTerms = (nodeAffinity?.preferred ?? []).enumerated()
            .sorted { ($0.element.weight, -$0.offset) > ($1.element.weight, -$1.offset) }
            .map { (weight: $0.element.weight, requirements: Requirements($0.element.preference.matchExpressions)) }

        let spreadFilterTerms = affinityTerms.isEmpty ? (selector.isEmpty ? [] : [selector]) : affinityTerms
        var spread: [(action: UnsatisfiableConstraintAction, group: Int)] = []
        for constraint in spec.topologySpreadConstraints {
            guard var labelSelector = constraint.labelSelector else { continue }
            for key in constraint.matchLabelKeys {
                if let value = spec.labels[key] {
                    labelSelector.matchExpressions.append(LabelSelectorRequirement(key: key, operator: .in, values: [value]))
                }
            }
            let filter = TopologyNodeFilter(terms: constraint.nodeAffinityPolicy == .honor ? spreadFilterTerms : [],
                                            tolerations: constraint.nodeTaintsPolicy == .honor ? spec.tolerations : nil)
            let definition = TopologyGroupDefinition(
                kind: .spread, key: LabelKeys.normalized(constraint.topologyKey), namespaces: .only([spec.namespace]),
                selector: labelSelector, maxSkew: constraint.maxSkew,
                minDomains: constraint.whenUnsatisfiable == .doNotSchedule ? constraint.minDomains : nil,
                nodeFilter: filter)
            spread.append((constraint.whenUnsatisfiable, topology.group(for: definition)))
        }

        func definitions(_ rules: PodAffinityRules?, kind: TopologyGroupDefinition.Kind)
            -> [(weight: Int32?, definition: TopologyGroupDefinition)] {
            guard let rules else { return [] }
            let preferred = rules.preferred.enumerated()
                .sorted { ($0.element.weight, -$0.offset) > ($1.element.weight, -$1.offset) }
                .map { (weight: Optional($0.element.weight), term: $0.element.term) }
            return (rules.required.map { (weight: Int32?.none, term: $0) } + preferred).map { entry in
                (entry.weight, Self.definition(of: entry.term, kind: kind, spec: spec, namespaces: namespaces))
            }
        }
        let affinityDefinitions = definitions(spec.affinity.podAffinity, kind: .affinity)
        let antiDefinitions = definitions(spec.affinity.podAntiAffinity, kind: .antiAffinity)
        let affinity = affinityDefinitions.map { (weight: $0.weight, group: topology.group(for: $0.definition)) }
        let antiAffinity = antiDefinitions.map { (weight: $0.weight, group: topology.group(for: $0.definition)) }
        ownedInverseGroups = antiDefinitions.filter { $0.weight == nil }.map { topology.inverseGroup(for: $0.definition) }

        constraints = PodConstraints(requiredTerms: requiredTerms, preferredNodeTerms: preferredNodeTerms,
                                     spread: spread, affinity: affinity, antiAffinity: antiAffinity,
                                     tolerations: spec.tolerations)
    }

    /// The group definition of a pod (anti-)affinity term: namespaces from the list and the
    /// namespace selector (an empty selector means all), the pod's own when neither is given;
    /// a missing label selector matches no pod.
    static func definition(of term: PodAffinityTerm, kind: TopologyGroupDefinition.Kind, spec: PodSpec,
                           namespaces: [Namespace]) -> TopologyGroupDefinition {
        let scope: NamespaceScope
        if let namespaceSelector = term.namespaceSelector {
            if namespaceSelector.matchLabels.isEmpty && namespaceSelector.matchExpressions.isEmpty {
                scope = .all
            } else {
                let selected = namespaces.filter { namespaceSelector.matches($0.labels) }.map(\.name)
                scope = .only(Set(term.namespaces + selected))
            }
        } else {
            scope = .only(term.namespaces.isEmpty ? [spec.namespace] : Set(term.namespaces))
        }
        var selector = term.labelSelector ?? LabelSelector(matchExpressions: [
            LabelSelectorRequirement(key: "", operator: .in, values: []),
        ])
        for key in term.matchLabelKeys {
            if let value = spec.labels[key] { selector.matchExpressions.append(.init(key: key, operator: .in, values: [value])) }
        }
        for key in term.mismatchLabelKeys {
            if let value = spec.labels[key] { selector.matchExpressions.append(.init(key: key, operator: .notIn, values: [value])) }
        }
        return TopologyGroupDefinition(kind: kind, key: LabelKeys.normalized(term.topologyKey), namespaces: scope,
                                       selector: selector)
    }
}
