import NodePlanModel

extension TopologySpreadConstraint {
    init(decoding field: Field) throws(InputError) {
        let mapping = try field.mapping()
        try mapping.rejectUnknown(["maxSkew", "topologyKey", "whenUnsatisfiable", "labelSelector", "minDomains",
                                   "nodeAffinityPolicy", "nodeTaintsPolicy", "matchLabelKeys"])
        let maxSkewField = try mapping.required("maxSkew")
        let maxSkew = try maxSkewField.int32()
        guard maxSkew > 0 else { throw maxSkewField.error("must be greater than zero, found \(maxSkew)") }
        let whenUnsatisfiable = try mapping.required("whenUnsatisfiable")
            .oneOf([UnsatisfiableConstraintAction.doNotSchedule, .scheduleAnyway])
        var minDomains: Int32?
        if let minDomainsField = mapping["minDomains"] {
            let value = try minDomainsField.int32()
            guard value > 0 else { throw minDomainsField.error("must be greater than zero, found \(value)") }
            guard whenUnsatisfiable == .doNotSchedule else {
                throw minDomainsField.error("may only be set when whenUnsatisfiable is DoNotSchedule")
            }
            minDomains = value
        }
        let topologyKey = try mapping.required("topologyKey")
        guard !(try topologyKey.string()).isEmpty else { throw topologyKey.error("must not be empty") }
        let policies = [NodeInclusionPolicy.honor, .ignore]
        self.init(maxSkew: maxSkew, topologyKey: try topologyKey.string(), whenUnsatisfiable: whenUnsatisfiable,
                  labelSelector: try mapping["labelSelector"].map(LabelSelector.init(decoding:)),
                  minDomains: minDomains,
                  nodeAffinityPolicy: try mapping["nodeAffinityPolicy"]?.oneOf(policies) ?? .honor,
                  nodeTaintsPolicy: try mapping["nodeTaintsPolicy"]?.oneOf(policies) ?? .ignore,
                  matchLabelKeys: try mapping["matchLabelKeys"]?.stringList() ?? [])
    }
}
