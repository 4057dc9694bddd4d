import NodePlanModel

extension NodePool {
    /// Decodes a `karpenter.sh/v1` NodePool strictly: every spec field Karpenter defines, validated
    /// as its CRD does (weight 1–100, replicas ≥ 0, durations, budgets).
    init(decoding object: Mapping, meta: ObjectMeta) throws(InputError) {
        let spec = try object.required("spec").mapping()
        try spec.rejectUnknown(["template", "disruption", "limits", "weight", "replicas"])

        let template = try spec.required("template").mapping()
        try template.rejectUnknown(["metadata", "spec"])
        var labels: [String: String] = [:]
        var annotations: [String: String] = [:]
        if let metadata = try template["metadata"]?.mapping() {
            try metadata.rejectUnknown(["labels", "annotations"])
            labels = try metadata["labels"]?.stringMap() ?? [:]
            annotations = try metadata["annotations"]?.stringMap() ?? [:]
        }
        let nodeSpec = try template.required("spec").mapping()
        try nodeSpec.rejectUnknown(["taints", "startupTaints", "requirements", "nodeClassRef", "expireAfter",
                                    "terminationGracePeriod"])
        var requirements: [NodeSelectorRequirement] = []
        let requirementFields = try nodeSpec["requirements"]?.sequence() ?? []
        if requirementFields.count > 100, let first = nodeSpec["requirements"] {
            throw first.error("at most 100 requirements are allowed, found \(requirementFields.count)")
        }
        for item in requirementFields {
            requirements.append(try NodeSelectorRequirement(decoding: item, operators: NodeSelectorOperator.allCases,
                                                            allowsMinValues: true))
        }
        let nodeClassRef = try nodeSpec.required("nodeClassRef").mapping()
        try nodeClassRef.rejectUnknown(["group", "kind", "name"])
        if let kind = nodeClassRef["kind"], try kind.string() != "AKSNodeClass" {
            throw kind.error("unsupported node class kind \"\(try kind.string())\"; expected \"AKSNodeClass\"")
        }

        var weight: Int32 = 0
        if let weightField = spec["weight"] {
            weight = try weightField.int32()
            guard (1...100).contains(weight) else { throw weightField.error("must be between 1 and 100, found \(weight)") }
        }
        self.init(
            name: meta.name,
            weight: weight,
            labels: labels,
            annotations: annotations,
            taints: try Taint.list(decoding: nodeSpec["taints"]),
            startupTaints: try Taint.list(decoding: nodeSpec["startupTaints"]),
            requirements: requirements,
            nodeClass: try nodeClassRef.required("name").string(),
            expireAfterSeconds: try nodeSpec["expireAfter"].map { field throws(InputError) in try field.durationOrNever() }
                ?? 720 * 3600,
            terminationGracePeriodSeconds: try nodeSpec["terminationGracePeriod"]?.duration(),
            disruption: try spec["disruption"].map(Disruption.init(decoding:)) ?? Disruption(),
            limits: try spec["limits"]?.resourceList() ?? ResourceList(),
            replicas: try spec["replicas"].map { field throws(InputError) in Int64(try field.count()) }
        )
    }
}

extension Disruption {
    init(decoding field: Field) throws(InputError) {
        let mapping = try field.mapping()
        try mapping.rejectUnknown(["consolidationPolicy", "consolidateAfter", "budgets"])
        var budgets: [DisruptionBudget] = []
        for item in try mapping["budgets"]?.sequence() ?? [] { budgets.append(try DisruptionBudget(decoding: item)) }
        self.init(consolidationPolicy: try mapping["consolidationPolicy"]?.enum(ConsolidationPolicy.self)
                      ?? .whenEmptyOrUnderutilized,
                  consolidateAfterSeconds: try mapping["consolidateAfter"].map { field throws(InputError) in
                      try field.durationOrNever()
                  } ?? 0,
                  budgets: mapping["budgets"] == nil ? [DisruptionBudget(nodes: "10%")] : budgets)
    }
}

extension ConsolidationPolicy: CaseIterable {
    public static let allCases: [ConsolidationPolicy] = [.whenEmpty, .whenEmptyOrUnderutilized, .balanced]
}

extension DisruptionBudget {
    /// Decodes `{nodes, schedule, duration, reasons}`; `schedule` and `duration` go together.
    init(decoding field: Field) throws(InputError) {
        let mapping = try field.mapping()
        try mapping.rejectUnknown(["nodes", "schedule", "duration", "reasons"])
        let nodesField = mapping["nodes"]
        let nodes = try nodesField?.string() ?? "10%"
        let isPercent = nodes.hasSuffix("%") && Int(nodes.dropLast()).map { (0...100).contains($0) } == true
        if !isPercent, Int(nodes).map({ $0 >= 0 }) != true, let nodesField {
            throw nodesField.error("must be a non-negative count or a percentage such as \"10%\", found \"\(nodes)\"")
        }
        let schedule = try mapping["schedule"]?.string()
        let duration = try mapping["duration"]?.duration()
        if (schedule == nil) != (duration == nil) {
            throw field.error("schedule and duration must be set together")
        }
        var reasons: [DisruptionReason] = []
        for item in try mapping["reasons"]?.sequence() ?? [] { reasons.append(try item.enum(DisruptionReason.self)) }
        self.init(nodes: nodes, schedule: schedule, durationSeconds: duration, reasons: reasons)
    }
}
