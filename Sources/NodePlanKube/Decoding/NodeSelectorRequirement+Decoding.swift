import NodePlanModel

extension NodeSelectorRequirement {
    /// Operators Kubernetes node affinity accepts (Karpenter's Gte/Lte are NodePool-only).
    static let podOperators: [NodeSelectorOperator] = [.in, .notIn, .exists, .doesNotExist, .gt, .lt]

    /// Decodes `{key, operator, values}` (plus `minValues` when `allowsMinValues`), validating the
    /// operator against `operators` and the values against the operator, and normalising deprecated keys.
    init(decoding field: Field, operators: [NodeSelectorOperator], allowsMinValues: Bool) throws(InputError) {
        let mapping = try field.mapping()
        try mapping.rejectUnknown(allowsMinValues ? ["key", "operator", "values", "minValues"] : ["key", "operator", "values"])
        let key = try mapping.required("key").string()
        let operatorField = try mapping.required("operator")
        let op = try operatorField.oneOf(operators)
        let values = try mapping["values"]?.stringList() ?? []
        switch op {
        case .in, .notIn:
            if values.isEmpty { throw operatorField.error("operator \(op.rawValue) needs at least one value") }
        case .exists, .doesNotExist:
            if !values.isEmpty { throw operatorField.error("operator \(op.rawValue) takes no values") }
        case .gt, .lt, .gte, .lte:
            guard values.count == 1, Int64(values[0]) != nil else {
                throw operatorField.error("operator \(op.rawValue) needs exactly one integer value")
            }
        }
        var minValues: Int?
        if allowsMinValues, let minField = mapping["minValues"] {
            let count = try minField.count()
            guard (1...50).contains(count) else { throw minField.error("must be between 1 and 50, found \(count)") }
            if op == .in, values.count < count {
                throw minField.error("operator In has \(values.count) values, fewer than minValues \(count)")
            }
            minValues = count
        }
        self.init(key: WellKnownLabel.normalized[key] ?? key, operator: op, values: values, minValues: minValues)
    }
}

extension NodeSelectorTerm {
    /// Decodes a node selector term. Kubernetes allows one field in `matchFields`, `metadata.name`
    /// (the DaemonSet controller pins every DaemonSet pod to its node this way); it becomes a
    /// requirement on `kubernetes.io/hostname`, which names the node on AKS, so a pod pinned to a
    /// node can only go there and never asks for a new one.
    init(decoding field: Field) throws(InputError) {
        let mapping = try field.mapping()
        try mapping.rejectUnknown(["matchExpressions", "matchFields"])
        var requirements: [NodeSelectorRequirement] = []
        for item in try mapping["matchExpressions"]?.sequence() ?? [] {
            requirements.append(try NodeSelectorRequirement(decoding: item, operators: NodeSelectorRequirement.podOperators,
                                                            allowsMinValues: false))
        }
        for item in try mapping["matchFields"]?.sequence() ?? [] {
            requirements.append(try NodeSelectorRequirement(decodingField: item))
        }
        self.init(requirements)
    }
}

extension NodeSelectorRequirement {
    /// Decodes a `matchFields` entry: key `metadata.name`, operator In or NotIn.
    init(decodingField field: Field) throws(InputError) {
        let decoded = try NodeSelectorRequirement(decoding: field, operators: [.in, .notIn], allowsMinValues: false)
        guard decoded.key == "metadata.name" else {
            throw (try field.mapping().required("key")).error(
                "unsupported field selector key \"\(decoded.key)\": Kubernetes allows only metadata.name")
        }
        self.init(key: WellKnownLabel.hostname, operator: decoded.operator, values: decoded.values)
    }
}
