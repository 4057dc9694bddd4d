import NodePlanModel

extension NodeSelectorRequirement {
    /// Whether a node with `labels` satisfies this requirement. The numeric operators need the
    /// label and the bound to be integers, as in Kubernetes.
    func isSatisfied(by labels: NodeLabels) -> Bool {
        let value = labels[key]
        switch self.operator {
        case .in: return value.map(values.contains) ?? false
        case .notIn: return value.map { !values.contains($0) } ?? true
        case .exists: return value != nil
        case .doesNotExist: return value == nil
        case .gt, .lt, .gte, .lte:
            guard let number = value.flatMap({ Int64($0) }), let bound = values.first.flatMap({ Int64($0) }) else {
                return false
            }
            switch self.operator {
            case .gt: return number > bound
            case .lt: return number < bound
            case .gte: return number >= bound
            default: return number <= bound
            }
        }
    }

    /// `key Op values`, for messages.
    var readable: String {
        switch self.operator {
        case .exists, .doesNotExist: "\(key) \(self.operator.rawValue)"
        default: "\(key) \(self.operator.rawValue) [\(values.joined(separator: ","))]"
        }
    }
}

extension Array where Element == NodeSelectorRequirement {
    /// The first requirement `labels` do not satisfy.
    func firstUnsatisfied(by labels: NodeLabels) -> NodeSelectorRequirement? {
        first { !$0.isSatisfied(by: labels) }
    }
}
