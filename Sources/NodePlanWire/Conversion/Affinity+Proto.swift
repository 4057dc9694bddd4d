import NodePlanModel

// Node affinity and pod (anti-)affinity. Presence matters throughout: a missing label selector
// matches no pods, and a present-but-empty required node affinity matches no node.

extension Affinity {
    init(proto: Nodeplan_V1_Affinity) throws(ProtoDecodingError) {
        self.init(
            nodeAffinity: proto.hasNodeAffinity
                ? try decodeField("nodeAffinity", proto.nodeAffinity, NodeAffinity.init(proto:)) : nil,
            podAffinity: proto.hasPodAffinity
                ? try decodeField("podAffinity", proto.podAffinity, PodAffinityRules.init(proto:)) : nil,
            podAntiAffinity: proto.hasPodAntiAffinity
                ? try decodeField("podAntiAffinity", proto.podAntiAffinity, PodAffinityRules.init(proto:)) : nil)
    }

    var proto: Nodeplan_V1_Affinity {
        var message = Nodeplan_V1_Affinity()
        if let nodeAffinity { message.nodeAffinity = nodeAffinity.proto }
        if let podAffinity { message.podAffinity = podAffinity.proto }
        if let podAntiAffinity { message.podAntiAffinity = podAntiAffinity.proto }
        return message
    }
}

extension NodeAffinity {
    init(proto: Nodeplan_V1_NodeAffinity) throws(ProtoDecodingError) {
        self.init(
            required: proto.hasRequired
                ? try decodingEach("required.terms", proto.required.terms, NodeSelectorTerm.init(proto:)) : nil,
            preferred: try decodingEach("preferred", proto.preferred, PreferredSchedulingTerm.init(proto:)))
    }

    var proto: Nodeplan_V1_NodeAffinity {
        var message = Nodeplan_V1_NodeAffinity()
        if let required {
            var selector = Nodeplan_V1_NodeSelector()
            selector.terms = required.map(\.proto)
            message.required = selector
        }
        message.preferred = preferred.map(\.proto)
        return message
    }
}

extension PreferredSchedulingTerm {
    init(proto: Nodeplan_V1_PreferredSchedulingTerm) throws(ProtoDecodingError) {
        self.init(weight: try within(proto.weight, 1...100, "weight"),
                  preference: try decodeField("preference", proto.preference, NodeSelectorTerm.init(proto:)))
    }

    var proto: Nodeplan_V1_PreferredSchedulingTerm {
        var message = Nodeplan_V1_PreferredSchedulingTerm()
        message.weight = weight
        message.preference = preference.proto
        return message
    }
}

extension PodAffinityRules {
    init(proto: Nodeplan_V1_PodAffinityRules) throws(ProtoDecodingError) {
        self.init(required: try decodingEach("required", proto.required, PodAffinityTerm.init(proto:)),
                  preferred: try decodingEach("preferred", proto.preferred, WeightedPodAffinityTerm.init(proto:)))
    }

    var proto: Nodeplan_V1_PodAffinityRules {
        var message = Nodeplan_V1_PodAffinityRules()
        message.required = required.map(\.proto)
        message.preferred = preferred.map(\.proto)
        return message
    }
}

extension PodAffinityTerm {
    init(proto: Nodeplan_V1_PodAffinityTerm) throws(ProtoDecodingError) {
        self.init(
            labelSelector: proto.hasLabelSelector
                ? try decodeField("labelSelector", proto.labelSelector, LabelSelector.init(proto:)) : nil,
            namespaces: proto.namespaces,
            namespaceSelector: proto.hasNamespaceSelector
                ? try decodeField("namespaceSelector", proto.namespaceSelector, LabelSelector.init(proto:)) : nil,
            topologyKey: try nonEmpty(proto.topologyKey, "topologyKey"),
            matchLabelKeys: proto.matchLabelKeys,
            mismatchLabelKeys: proto.mismatchLabelKeys)
    }

    var proto: Nodeplan_V1_PodAffinityTerm {
        var message = Nodeplan_V1_PodAffinityTerm()
        if let labelSelector { message.labelSelector = labelSelector.proto }
        message.namespaces = namespaces
        if let namespaceSelector { message.namespaceSelector = namespaceSelector.proto }
        message.topologyKey = topologyKey
        message.matchLabelKeys = matchLabelKeys
        message.mismatchLabelKeys = mismatchLabelKeys
        return message
    }
}

extension WeightedPodAffinityTerm {
    init(proto: Nodeplan_V1_WeightedPodAffinityTerm) throws(ProtoDecodingError) {
        self.init(weight: try within(proto.weight, 1...100, "weight"),
                  term: try decodeField("term", proto.term, PodAffinityTerm.init(proto:)))
    }

    var proto: Nodeplan_V1_WeightedPodAffinityTerm {
        var message = Nodeplan_V1_WeightedPodAffinityTerm()
        message.weight = weight
        message.term = term.proto
        return message
    }
}
