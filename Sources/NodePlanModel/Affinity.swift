/// A preferred node-affinity term with its weight (1...100).
public struct PreferredSchedulingTerm: Hashable, Sendable, Codable {
    public var weight: Int32
    public var preference: NodeSelectorTerm
    public init(weight: Int32, preference: NodeSelectorTerm) {
        self.weight = weight
        self.preference = preference
    }
}

/// Node affinity: required OR-terms (nil when the pod has none) and weighted preferences.
public struct NodeAffinity: Hashable, Sendable, Codable {
    public var required: [NodeSelectorTerm]?
    public var preferred: [PreferredSchedulingTerm]
    public init(required: [NodeSelectorTerm]? = nil, preferred: [PreferredSchedulingTerm] = []) {
        self.required = required
        self.preferred = preferred
    }
}

/// A pod (anti-)affinity term: pods matched by `labelSelector` in the chosen namespaces,
/// grouped by the node label `topologyKey`.
public struct PodAffinityTerm: Hashable, Sendable, Codable {
    /// A missing selector matches no pods.
    public var labelSelector: LabelSelector?
    public var namespaces: [String]
    /// A present but empty selector matches every namespace.
    public var namespaceSelector: LabelSelector?
    public var topologyKey: String
    public var matchLabelKeys: [String]
    public var mismatchLabelKeys: [String]

    public init(labelSelector: LabelSelector?, namespaces: [String] = [], namespaceSelector: LabelSelector? = nil,
                topologyKey: String, matchLabelKeys: [String] = [], mismatchLabelKeys: [String] = []) {
        self.labelSelector = labelSelector
        self.namespaces = namespaces
        self.namespaceSelector = namespaceSelector
        self.topologyKey = topologyKey
        self.matchLabelKeys = matchLabelKeys
        self.mismatchLabelKeys = mismatchLabelKeys
    }
}

/// A preferred pod (anti-)affinity term with its weight (1...100).
public struct WeightedPodAffinityTerm: Hashable, Sendable, Codable {
    public var weight: Int32
    public var term: PodAffinityTerm
    public init(weight: Int32, term: PodAffinityTerm) {
        self.weight = weight
        self.term = term
    }
}

/// Required and preferred pod affinity (or anti-affinity) terms.
public struct PodAffinityRules: Hashable, Sendable, Codable {
    public var required: [PodAffinityTerm]
    public var preferred: [WeightedPodAffinityTerm]
    public init(required: [PodAffinityTerm] = [], preferred: [WeightedPodAffinityTerm] = []) {
        self.required = required
        self.preferred = preferred
    }
    public var isEmpty: Bool { required.isEmpty && preferred.isEmpty }
}

/// A pod's affinity section.
public struct Affinity: Hashable, Sendable, Codable {
    public var nodeAffinity: NodeAffinity?
    public var podAffinity: PodAffinityRules?
    public var podAntiAffinity: PodAffinityRules?
    public init(nodeAffinity: NodeAffinity? = nil, podAffinity: PodAffinityRules? = nil,
                podAntiAffinity: PodAffinityRules? = nil) {
        self.nodeAffinity = nodeAffinity
        self.podAffinity = podAffinity
        self.podAntiAffinity = podAntiAffinity
    }
}
