import NodePlanModel

extension Taint {
    /// Decodes `{key, value, effect}`; `timeAdded` is accepted and ignored.
    init(decoding field: Field) throws(InputError) {
        let mapping = try field.mapping()
        try mapping.rejectUnknown(["key", "value", "effect", "timeAdded"])
        let key = try mapping.required("key").string()
        guard !key.isEmpty else { throw field.error("taint key must not be empty") }
        self.init(key: key, value: try mapping["value"]?.string() ?? "",
                  effect: try mapping.required("effect").enum(TaintEffect.self))
    }

    static func list(decoding field: Field?) throws(InputError) -> [Taint] {
        var taints: [Taint] = []
        for item in try field?.sequence() ?? [] { taints.append(try Taint(decoding: item)) }
        return taints
    }
}
