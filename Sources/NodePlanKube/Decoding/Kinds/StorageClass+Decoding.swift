import NodePlanModel

extension StorageClass {
    /// Decodes a `storage.k8s.io/v1` StorageClass: provisioner, binding mode and allowed topologies.
    init(decoding object: Mapping, meta: ObjectMeta) throws(InputError) {
        var alternatives: [[NodeSelectorRequirement]] = []
        for term in try object["allowedTopologies"]?.sequence() ?? [] {
            let mapping = try term.mapping()
            try mapping.rejectUnknown(["matchLabelExpressions"])
            var requirements: [NodeSelectorRequirement] = []
            for item in try mapping["matchLabelExpressions"]?.sequence() ?? [] {
                let expression = try item.mapping()
                try expression.rejectUnknown(["key", "values"])
                let key = try expression.required("key").string()
                let values = try expression.required("values").stringList()
                requirements.append(NodeSelectorRequirement(key: WellKnownLabel.normalized[key] ?? key, operator: .in,
                                                            values: values))
            }
            alternatives.append(requirements)
        }
        let mode = try object["volumeBindingMode"]?.enum(VolumeBindingMode.self) ?? .immediate
        self.init(name: meta.name, provisioner: try object.required("provisioner").string(),
                  waitForFirstConsumer: mode == .waitForFirstConsumer, allowedTopologies: alternatives,
                  isDefault: meta.annotations["storageclass.kubernetes.io/is-default-class"] == "true")
    }
}

/// `volumeBindingMode` values.
private enum VolumeBindingMode: String, CaseIterable {
    case immediate = "Immediate"
    case waitForFirstConsumer = "WaitForFirstConsumer"
}
