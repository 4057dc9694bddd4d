import NodePlanModel

// Node and label selectors, taints and tolerations.

extension NodeSelectorRequirement {
    init(proto: Nodeplan_V1_NodeSelectorRequirement) throws(ProtoDecodingError) {
        self.init(key: try nonEmpty(proto.key, "key"), operator: try decodeEnum(proto.operator, "operator"),
                  values: proto.values,
                  minValues: proto.hasMinValues ? Int(try within(proto.minValues, 1...Int32.max, "minValues")) : nil)
    }

    var proto: Nodeplan_V1_NodeSelectorRequirement {
        var message = Nodeplan_V1_NodeSelectorRequirement()
        message.key = key
        message.operator = self.operator.proto
        message.values = values
        if let minValues { message.minValues = Int32(clamping: minValues) }
        return message
    }
}

extension NodeSelectorTerm {
    init(proto: Nodeplan_V1_NodeSelectorTerm) throws(ProtoDecodingError) {
        self.init(try decodingEach("matchExpressions", proto.matchExpressions, NodeSelectorRequirement.init(proto:)))
    }

    var proto: Nodeplan_V1_NodeSelectorTerm {
        var message = Nodeplan_V1_NodeSelectorTerm()
        message.matchExpressions = matchExpressions.map(\.proto)
        return message
    }
}

/// Requirement lists (NodePools, instance types, launches) travel as repeated requirements.
func decodeRequirements(
    _ field: String, _ requirements: [Nodeplan_V1_NodeSelectorRequirement]
) throws(ProtoDecodingError) -> [NodeSelectorRequirement] {
    try decodingEach(field, requirements, NodeSelectorRequirement.init(proto:))
}

extension LabelSelectorRequirement {
    init(proto: Nodeplan_V1_LabelSelectorRequirement) throws(ProtoDecodingError) {
        self.init(key: try nonEmpty(proto.key, "key"), operator: try decodeEnum(proto.operator, "operator"),
                  values: proto.values)
    }

    var proto: Nodeplan_V1_LabelSelectorRequirement {
        var message = Nodeplan_V1_LabelSelectorRequirement()
        message.key = key
        message.operator = self.operator.proto
        message.values = values
        return message
    }
}

extension LabelSelector {
    init(proto: Nodeplan_V1_LabelSelector) throws(ProtoDecodingError) {
        self.init(matchLabels: try stringMap(proto.matchLabels, "matchLabels"),
                  matchExpressions: try decodingEach("matchExpressions", proto.matchExpressions,
                                                     LabelSelectorRequirement.init(proto:)))
    }

    var proto: Nodeplan_V1_LabelSelector {
        var message = Nodeplan_V1_LabelSelector()
        message.matchLabels = matchLabels
        message.matchExpressions = matchExpressions.map(\.proto)
        return message
    }
}

extension Taint {
    init(proto: Nodeplan_V1_Taint) throws(ProtoDecodingError) {
        self.init(key: try nonEmpty(proto.key, "key"), value: proto.value, effect: try decodeEnum(proto.effect, "effect"))
    }

    var proto: Nodeplan_V1_Taint {
        var message = Nodeplan_V1_Taint()
        message.key = key
        message.value = value
        message.effect = effect.proto
        return message
    }
}

/// Taint lists (nodes, NodePools, launches).
func decodeTaints(_ field: String, _ taints: [Nodeplan_V1_Taint]) throws(ProtoDecodingError) -> [Taint] {
    try decodingEach(field, taints, Taint.init(proto:))
}

extension Toleration {
    init(proto: Nodeplan_V1_Toleration) throws(ProtoDecodingError) {
        self.init(key: proto.key, operator: try decodeEnum(proto.operator, "operator", default: .equal),
                  value: proto.value, effect: try decodeOptionalEnum(proto.effect, "effect"),
                  tolerationSeconds: proto.hasTolerationSeconds ? proto.tolerationSeconds : nil)
    }

    var proto: Nodeplan_V1_Toleration {
        var message = Nodeplan_V1_Toleration()
        message.key = key
        message.operator = self.operator.proto
        message.value = value
        if let effect { message.effect = effect.proto }
        if let tolerationSeconds { message.tolerationSeconds = tolerationSeconds }
        return message
    }
}
