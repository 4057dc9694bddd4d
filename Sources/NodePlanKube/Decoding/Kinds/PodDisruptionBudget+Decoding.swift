import NodePlanModel

extension PodDisruptionBudget {
    /// Decodes a `policy/v1` PodDisruptionBudget, with `status.disruptionsAllowed` when present.
    init(decoding object: Mapping, meta: ObjectMeta) throws(InputError) {
        let spec = try object.required("spec").mapping()
        let minAvailable = try spec["minAvailable"].map(PodDisruptionBudget.intOrPercent)
        let maxUnavailable = try spec["maxUnavailable"].map(PodDisruptionBudget.intOrPercent)
        if minAvailable != nil, maxUnavailable != nil, let field = spec["maxUnavailable"] {
            throw field.error("minAvailable and maxUnavailable are mutually exclusive")
        }
        let status = try object["status"]?.mapping()
        self.init(name: meta.name, namespace: meta.namespace,
                  selector: try spec["selector"].map(LabelSelector.init(decoding:)) ?? LabelSelector(),
                  minAvailable: minAvailable, maxUnavailable: maxUnavailable,
                  disruptionsAllowed: try status?["disruptionsAllowed"]?.int32())
    }

    private static func intOrPercent(_ field: Field) throws(InputError) -> String {
        let text = try field.string()
        let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard let number = Int(digits), number >= 0 else {
            throw field.error("must be a non-negative integer or percentage, found \"\(text)\"")
        }
        return text
    }
}
