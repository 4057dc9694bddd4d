import NodePlanModel

extension Pod {
    /// Decodes a pod whose `spec` must index a table of `podSpecCount` shapes.
    init(proto: Nodeplan_V1_Pod, podSpecCount: Int) throws(ProtoDecodingError) {
        self.init(name: try nonEmpty(proto.name, "name"),
                  uid: proto.uid,
                  spec: try index(proto.spec, "spec", count: podSpecCount, of: "podSpecs"),
                  nodeName: proto.nodeName,
                  nominatedNodeName: proto.nominatedNodeName,
                  phase: try decodeEnum(proto.phase, "phase"),
                  createdAt: try finite(proto.createdAt, "createdAt", allowNegative: true),
                  deletedAt: proto.hasDeletedAt ? try finite(proto.deletedAt, "deletedAt", allowNegative: true) : nil,
                  annotations: try stringMap(proto.annotations, "annotations"))
    }

    var proto: Nodeplan_V1_Pod {
        var message = Nodeplan_V1_Pod()
        message.name = name
        message.uid = uid
        message.spec = wireIndex(spec)
        message.nodeName = nodeName
        message.nominatedNodeName = nominatedNodeName
        message.phase = phase.proto
        message.createdAt = createdAt
        if let deletedAt { message.deletedAt = deletedAt }
        message.annotations = annotations
        return message
    }
}
