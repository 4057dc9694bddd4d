import NodePlanModel

extension Toleration {
    /// Decodes a toleration with Kubernetes' validation: `Exists` takes no value, an empty key needs `Exists`.
    init(decoding field: Field) throws(InputError) {
        let mapping = try field.mapping()
        try mapping.rejectUnknown(["key", "operator", "value", "effect", "tolerationSeconds"])
        let key = try mapping["key"]?.string() ?? ""
        let op = try mapping["operator"]?.oneOf([TolerationOperator.equal, .exists]) ?? .equal
        let value = try mapping["value"]?.string() ?? ""
        if op == .exists, !value.isEmpty {
            throw field.child("value", field.value).error("must be empty when operator is Exists")
        }
        if key.isEmpty, op != .exists {
            throw field.child("operator", field.value).error("must be Exists when key is empty")
        }
        self.init(key: key, operator: op, value: value, effect: try mapping["effect"]?.enum(TaintEffect.self),
                  tolerationSeconds: try mapping["tolerationSeconds"]?.int64())
    }
}
