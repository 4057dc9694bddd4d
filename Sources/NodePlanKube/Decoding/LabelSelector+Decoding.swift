import NodePlanModel

extension LabelSelector {
    /// Decodes `{matchLabels, matchExpressions}` over pod or namespace labels.
    init(decoding field: Field) throws(InputError) {
        let mapping = try field.mapping()
        try mapping.rejectUnknown(["matchLabels", "matchExpressions"])
        var expressions: [LabelSelectorRequirement] = []
        for item in try mapping["matchExpressions"]?.sequence() ?? [] {
            let expression = try item.mapping()
            try expression.rejectUnknown(["key", "operator", "values"])
            let operatorField = try expression.required("operator")
            let op = try operatorField.oneOf([LabelSelectorOperator.in, .notIn, .exists, .doesNotExist])
            let values = try expression["values"]?.stringList() ?? []
            let needsValues = op == .in || op == .notIn
            if needsValues, values.isEmpty {
                throw operatorField.error("operator \(op.rawValue) needs at least one value")
            }
            if !needsValues, !values.isEmpty {
                throw operatorField.error("operator \(op.rawValue) takes no values")
            }
            expressions.append(LabelSelectorRequirement(key: try expression.required("key").string(), operator: op,
                                                        values: values))
        }
        self.init(matchLabels: try mapping["matchLabels"]?.stringMap() ?? [:], matchExpressions: expressions)
    }
}
