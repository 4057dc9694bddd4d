/// Operators of node selector requirements, including Karpenter v1's Gte and Lte.
public enum NodeSelectorOperator: String, Hashable, Sendable, Codable, CaseIterable {
    case `in` = "In"
    case notIn = "NotIn"
    case exists = "Exists"
    case doesNotExist = "DoesNotExist"
    case gt = "Gt"
    case lt = "Lt"
    case gte = "Gte"
    case lte = "Lte"
}

/// One requirement on a node label: from a NodePool, a nodeSelector, node affinity, an
/// instance type or an offering.
public struct NodeSelectorRequirement: Hashable, Sendable, Codable {
    public var key: String
    public var `operator`: NodeSelectorOperator
    public var values: [String]
    /// Karpenter's `minValues`: at least this many distinct values of `key` must remain among
    /// a NodeClaim's instance-type options.
    public var minValues: Int?

    public init(key: String, operator: NodeSelectorOperator, values: [String] = [], minValues: Int? = nil) {
        self.key = key
        self.operator = `operator`
        self.values = values
        self.minValues = minValues
    }

    public static func `in`(_ key: String, _ values: String...) -> NodeSelectorRequirement {
        NodeSelectorRequirement(key: key, operator: .in, values: values)
    }
}

/// One OR-term of required node affinity: every requirement must hold.
public struct NodeSelectorTerm: Hashable, Sendable, Codable {
    public var matchExpressions: [NodeSelectorRequirement]
    public init(_ matchExpressions: [NodeSelectorRequirement]) { self.matchExpressions = matchExpressions }
}
