import NodePlanModel

// Quantities travel as int64 thousandths of the base unit (`Quantity.milli`): exact, compact as a
// varint, and free of parsing on either side.

extension ResourceList {
    init(proto: Nodeplan_V1_ResourceList) throws(ProtoDecodingError) {
        self.init()
        for (name, milli) in proto.milli {
            guard !name.isEmpty else { throw ProtoDecodingError(fieldPath: "milli", reason: "has an empty resource name") }
            guard milli >= 0 else {
                throw ProtoDecodingError(fieldPath: "milli[\(name)]", reason: "negative quantity \(milli)")
            }
            self[name] = Quantity(milli: milli)
        }
    }

    var proto: Nodeplan_V1_ResourceList {
        var message = Nodeplan_V1_ResourceList()
        message.milli.reserveCapacity(entries.count)
        for entry in entries { message.milli[entry.name] = entry.quantity.milli }
        return message
    }
}
