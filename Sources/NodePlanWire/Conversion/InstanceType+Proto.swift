import NodePlanModel

// Instance types with their offerings, and the catalog selection that stands in for them.

extension InstanceType {
    init(proto: Nodeplan_V1_InstanceType) throws(ProtoDecodingError) {
        self.init(name: try nonEmpty(proto.name, "name"),
                  capacity: try decodeField("capacity", proto.capacity, ResourceList.init(proto:)),
                  overhead: try decodeField("overhead", proto.overhead, ResourceList.init(proto:)),
                  requirements: try decodeRequirements("requirements", proto.requirements),
                  offerings: try decodingEach("offerings", proto.offerings, Offering.init(proto:)))
    }

    var proto: Nodeplan_V1_InstanceType {
        var message = Nodeplan_V1_InstanceType()
        message.name = name
        message.capacity = capacity.proto
        message.overhead = overhead.proto
        message.requirements = requirements.map(\.proto)
        message.offerings = offerings.map(\.proto)
        return message
    }
}

extension Offering {
    init(proto: Nodeplan_V1_Offering) throws(ProtoDecodingError) {
        self.init(zone: try nonEmpty(proto.zone, "zone"), capacityType: try decodeEnum(proto.capacityType, "capacityType"),
                  price: try finite(proto.price, "price"), available: proto.hasAvailable ? proto.available : true)
    }

    var proto: Nodeplan_V1_Offering {
        var message = Nodeplan_V1_Offering()
        message.zone = zone
        message.capacityType = capacityType.proto
        message.price = price
        message.available = available
        return message
    }
}

extension CatalogSelection {
    init(proto: Nodeplan_V1_CatalogSelection) throws(ProtoDecodingError) {
        self.init(region: proto.region,
                  overheadModel: try decodeEnum(proto.overheadModel, "overheadModel", default: .taxBrackets),
                  instanceTypes: try decodingEach("instanceTypes", proto.instanceTypes) { (name) throws(ProtoDecodingError) in
                      try nonEmpty(name, "")
                  },
                  overrides: try decodingEach("overrides", proto.overrides, OfferingOverride.init(proto:)))
    }

    var proto: Nodeplan_V1_CatalogSelection {
        var message = Nodeplan_V1_CatalogSelection()
        message.region = region
        message.overheadModel = overheadModel.proto
        message.instanceTypes = instanceTypes
        message.overrides = overrides.map(\.proto)
        return message
    }
}

extension OfferingOverride {
    init(proto: Nodeplan_V1_OfferingOverride) throws(ProtoDecodingError) {
        self.init(instanceType: try nonEmpty(proto.instanceType, "instanceType"), zone: proto.zone,
                  capacityType: try decodeOptionalEnum(proto.capacityType, "capacityType"),
                  price: proto.hasPrice ? try finite(proto.price, "price") : nil,
                  available: proto.hasAvailable ? proto.available : nil)
    }

    var proto: Nodeplan_V1_OfferingOverride {
        var message = Nodeplan_V1_OfferingOverride()
        message.instanceType = instanceType
        message.zone = zone
        if let capacityType { message.capacityType = capacityType.proto }
        if let price { message.price = price }
        if let available { message.available = available }
        return message
    }
}
