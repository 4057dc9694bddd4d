import NodePlanModel

/// JSON forms of model values, as Kubernetes objects carry them.
extension JSONValue {
    public init(_ taint: Taint) {
        var object: JSONValue = ["key": .string(taint.key), "effect": .string(taint.effect.rawValue)]
        if !taint.value.isEmpty { object["value"] = .string(taint.value) }
        self = object
    }

    public init(_ requirement: NodeSelectorRequirement) {
        var object: JSONValue = ["key": .string(requirement.key), "operator": .string(requirement.operator.rawValue)]
        if !requirement.values.isEmpty { object["values"] = .array(requirement.values.map { .string($0) }) }
        if let minValues = requirement.minValues { object["minValues"] = .number(Double(minValues)) }
        self = object
    }

    /// A resource list as quantity strings (`cpu: "3900m"`).
    public init(_ resources: ResourceList) {
        self = .object(Dictionary(resources.entries.map { ($0.name, JSONValue.string($0.quantity.description)) },
                                  uniquingKeysWith: { _, last in last }))
    }

    public init(_ option: LaunchOption) {
        self = ["instanceType": .string(option.instanceType), "zone": .string(option.zone),
                "capacityType": .string(option.capacityType.rawValue), "price": .number(option.price)]
    }

    /// Taints from a `taints` list; entries with an unknown effect are skipped.
    public var taints: [Taint] {
        (arrayValue ?? []).compactMap { item in
            guard let key = item["key"]?.stringValue, let effect = TaintEffect(rawValue: item["effect"]?.stringValue ?? "")
            else { return nil }
            return Taint(key: key, value: item["value"]?.stringValue ?? "", effect: effect)
        }
    }

    /// A resource list from quantity strings or numbers; unparsable entries are skipped.
    public var resourceList: ResourceList {
        var result: [String: Quantity] = [:]
        for (name, value) in objectValue ?? [:] {
            let text = value.stringValue ?? value.numberValue.map { JSONValue.number($0).text } ?? ""
            if let quantity = try? Quantity(parsing: text) { result[name] = quantity }
        }
        return ResourceList(result)
    }

    /// A launch option written by `init(_ option:)`.
    public var launchOption: LaunchOption? {
        guard let instanceType = self["instanceType"]?.stringValue, let zone = self["zone"]?.stringValue,
              let capacityType = CapacityType(rawValue: self["capacityType"]?.stringValue ?? "") else { return nil }
        return LaunchOption(instanceType: instanceType, zone: zone, capacityType: capacityType,
                            price: self["price"]?.numberValue ?? 0)
    }
}
