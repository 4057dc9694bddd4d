/// Operators of label selector expressions.
public enum LabelSelectorOperator: String, Hashable, Sendable, Codable {
    case `in` = "In"
    case notIn = "NotIn"
    case exists = "Exists"
    case doesNotExist = "DoesNotExist"
}

/// One expression of a label selector.
public struct LabelSelectorRequirement: Hashable, Sendable, Codable {
    public var key: String
    public var `operator`: LabelSelectorOperator
    public var values: [String]

    public init(key: String, operator: LabelSelectorOperator, values: [String] = []) {
        self.key = key
        self.operator = `operator`
        self.values = values
    }
}

/// A Kubernetes label selector. An empty selector matches everything; where Kubernetes
/// distinguishes a missing selector (matches nothing), the model uses an optional.
public struct LabelSelector: Hashable, Sendable, Codable {
    public var matchLabels: [String: String]
    public var matchExpressions: [LabelSelectorRequirement]

    public init(matchLabels: [String: String] = [:], matchExpressions: [LabelSelectorRequirement] = []) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }

    /// Whether `labels` satisfy every part of this selector.
    public func matches(_ labels: [String: String]) -> Bool {
        for (key, value) in matchLabels where labels[key] != value { return false }
        for expression in matchExpressions {
            let value = labels[expression.key]
            switch expression.operator {
            case .in: guard let value, expression.values.contains(value) else { return false }
            case .notIn: if let value, expression.values.contains(value) { return false }
            case .exists: if value == nil { return false }
            case .doesNotExist: if value != nil { return false }
            }
        }
        return true
    }
}
