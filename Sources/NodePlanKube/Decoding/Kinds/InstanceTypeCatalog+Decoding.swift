import NodePlanModel

extension InstanceTypeCatalog {
    /// Decodes nodeplan's own `nodeplan.io/v1alpha1` InstanceTypeCatalog strictly (format in docs/inputs.md).
    init(decoding object: Mapping, meta: ObjectMeta) throws(InputError) {
        let spec = try object.required("spec").mapping()
        try spec.rejectUnknown(["instanceTypes", "builtin"])
        var instanceTypes: [InstanceType] = []
        var names: Set<String> = []
        for item in try spec["instanceTypes"]?.sequence() ?? [] {
            let instanceType = try InstanceType(decodingCatalogEntry: item)
            guard names.insert(instanceType.name).inserted else {
                throw item.error("duplicate instance type \"\(instanceType.name)\"")
            }
            instanceTypes.append(instanceType)
        }
        self.init(name: meta.name, instanceTypes: instanceTypes,
                  builtin: try spec["builtin"].map(CatalogSelection.init(decoding:)))
    }
}

extension InstanceType {
    /// `{name, capacity, overhead, labels, requirements, offerings}`; labels become `In` requirements.
    init(decodingCatalogEntry field: Field) throws(InputError) {
        let mapping = try field.mapping()
        try mapping.rejectUnknown(["name", "capacity", "overhead", "labels", "requirements", "offerings"])
        let name = try mapping.required("name").string()
        let capacityField = try mapping.required("capacity")
        let capacity = try capacityField.resourceList()
        for resource in [ResourceName.cpu, ResourceName.memory, ResourceName.pods] where !capacity.contains(resource) {
            throw capacityField.error("capacity must include \(resource)")
        }
        var requirements: [NodeSelectorRequirement] = [.in(WellKnownLabel.instanceType, name)]
        for (key, value) in (try mapping["labels"]?.stringMap() ?? [:]).sorted(by: { $0.key < $1.key }) {
            requirements.append(.in(WellKnownLabel.normalized[key] ?? key, value))
        }
        for item in try mapping["requirements"]?.sequence() ?? [] {
            requirements.append(try NodeSelectorRequirement(decoding: item, operators: NodeSelectorOperator.allCases,
                                                            allowsMinValues: false))
        }
        var offerings: [Offering] = []
        let offeringFields = try mapping.required("offerings").sequence()
        for item in offeringFields {
            let offering = try item.mapping()
            try offering.rejectUnknown(["zone", "capacityType", "price", "available"])
            let priceField = try offering.required("price")
            let price = try priceField.double()
            guard price >= 0 else { throw priceField.error("must not be negative, found \(price)") }
            offerings.append(Offering(zone: try offering.required("zone").string(),
                                      capacityType: try offering.required("capacityType").enum(CapacityType.self),
                                      price: price, available: try offering["available"]?.bool() ?? true))
        }
        if offeringFields.isEmpty { throw field.child("offerings", field.value).error("needs at least one offering") }
        self.init(name: name, capacity: capacity, overhead: try mapping["overhead"]?.resourceList() ?? ResourceList(),
                  requirements: requirements, offerings: offerings)
    }
}

extension CatalogSelection {
    /// `builtin: {region, overheadModel, instanceTypes, overrides}`.
    init(decoding field: Field) throws(InputError) {
        let mapping = try field.mapping()
        try mapping.rejectUnknown(["region", "overheadModel", "instanceTypes", "overrides"])
        var overrides: [OfferingOverride] = []
        for item in try mapping["overrides"]?.sequence() ?? [] {
            let entry = try item.mapping()
            try entry.rejectUnknown(["instanceType", "zone", "capacityType", "price", "available"])
            let price = try entry["price"]?.double()
            if let price, price < 0, let priceField = entry["price"] {
                throw priceField.error("must not be negative, found \(price)")
            }
            overrides.append(OfferingOverride(instanceType: try entry.required("instanceType").string(),
                                              zone: try entry["zone"]?.string() ?? "",
                                              capacityType: try entry["capacityType"]?.enum(CapacityType.self),
                                              price: price, available: try entry["available"]?.bool()))
        }
        self.init(region: try mapping["region"]?.string() ?? "",
                  overheadModel: try mapping["overheadModel"]?.oneOf([OverheadModel.taxBrackets, .aksMaxPods]) ?? .taxBrackets,
                  instanceTypes: try mapping["instanceTypes"]?.stringList() ?? [],
                  overrides: overrides)
    }
}
