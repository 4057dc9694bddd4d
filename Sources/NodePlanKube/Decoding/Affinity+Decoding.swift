import NodePlanModel

extension Affinity {
    /// Decodes `spec.affinity`: node affinity, pod affinity and pod anti-affinity, required and preferred.
    init(decoding field: Field) throws(InputError) {
        let mapping = try field.mapping()
        try mapping.rejectUnknown(["nodeAffinity", "podAffinity", "podAntiAffinity"])
        self.init(nodeAffinity: try mapping["nodeAffinity"].map(NodeAffinity.init(decoding:)),
                  podAffinity: try mapping["podAffinity"].map(PodAffinityRules.init(decoding:)),
                  podAntiAffinity: try mapping["podAntiAffinity"].map(PodAffinityRules.init(decoding:)))
    }
}

extension NodeAffinity {
    init(decoding field: Field) throws(InputError) {
        let mapping = try field.mapping()
        let requiredKey = "requiredDuringSchedulingIgnoredDuringExecution"
        let preferredKey = "preferredDuringSchedulingIgnoredDuringExecution"
        try mapping.rejectUnknown([requiredKey, preferredKey])
        var required: [NodeSelectorTerm]?
        if let requiredField = mapping[requiredKey] {
            let selector = try requiredField.mapping()
            try selector.rejectUnknown(["nodeSelectorTerms"])
            var terms: [NodeSelectorTerm] = []
            for term in try selector.required("nodeSelectorTerms").sequence() {
                terms.append(try NodeSelectorTerm(decoding: term))
            }
            if terms.isEmpty { throw requiredField.error("nodeSelectorTerms must not be empty") }
            required = terms
        }
        var preferred: [PreferredSchedulingTerm] = []
        for item in try mapping[preferredKey]?.sequence() ?? [] {
            let entry = try item.mapping()
            try entry.rejectUnknown(["weight", "preference"])
            preferred.append(PreferredSchedulingTerm(weight: try entry.required("weight").affinityWeight(),
                                                     preference: try NodeSelectorTerm(decoding: entry.required("preference"))))
        }
        self.init(required: required, preferred: preferred)
    }
}

extension PodAffinityRules {
    init(decoding field: Field) throws(InputError) {
        let mapping = try field.mapping()
        let requiredKey = "requiredDuringSchedulingIgnoredDuringExecution"
        let preferredKey = "preferredDuringSchedulingIgnoredDuringExecution"
        try mapping.rejectUnknown([requiredKey, preferredKey])
        var required: [PodAffinityTerm] = []
        for item in try mapping[requiredKey]?.sequence() ?? [] { required.append(try PodAffinityTerm(decoding: item)) }
        var preferred: [WeightedPodAffinityTerm] = []
        for item in try mapping[preferredKey]?.sequence() ?? [] {
            let entry = try item.mapping()
            try entry.rejectUnknown(["weight", "podAffinityTerm"])
            preferred.append(WeightedPodAffinityTerm(weight: try entry.required("weight").affinityWeight(),
                                                     term: try PodAffinityTerm(decoding: entry.required("podAffinityTerm"))))
        }
        self.init(required: required, preferred: preferred)
    }
}

extension PodAffinityTerm {
    init(decoding field: Field) throws(InputError) {
        let mapping = try field.mapping()
        try mapping.rejectUnknown(["labelSelector", "namespaces", "namespaceSelector", "topologyKey", "matchLabelKeys",
                                   "mismatchLabelKeys"])
        let topologyKey = try mapping.required("topologyKey")
        guard !(try topologyKey.string()).isEmpty else { throw topologyKey.error("must not be empty") }
        self.init(labelSelector: try mapping["labelSelector"].map(LabelSelector.init(decoding:)),
                  namespaces: try mapping["namespaces"]?.stringList() ?? [],
                  namespaceSelector: try mapping["namespaceSelector"].map(LabelSelector.init(decoding:)),
                  topologyKey: try topologyKey.string(),
                  matchLabelKeys: try mapping["matchLabelKeys"]?.stringList() ?? [],
                  mismatchLabelKeys: try mapping["mismatchLabelKeys"]?.stringList() ?? [])
    }
}

extension Field {
    /// A preference weight, 1...100.
    func affinityWeight() throws(InputError) -> Int32 {
        let weight = try int32()
        guard (1...100).contains(weight) else { throw error("weight must be between 1 and 100, found \(weight)") }
        return weight
    }
}
