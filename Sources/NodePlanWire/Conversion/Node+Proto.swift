import NodePlanModel

extension Node {
    init(proto: Nodeplan_V1_Node) throws(ProtoDecodingError) {
        self.init(name: try nonEmpty(proto.name, "name"),
                  labels: try stringMap(proto.labels, "labels"),
                  annotations: try stringMap(proto.annotations, "annotations"),
                  taints: try decodeTaints("taints", proto.taints),
                  startupTaints: try decodeTaints("startupTaints", proto.startupTaints),
                  capacity: try decodeField("capacity", proto.capacity, ResourceList.init(proto:)),
                  allocatable: try decodeField("allocatable", proto.allocatable, ResourceList.init(proto:)),
                  nodePool: proto.nodePool,
                  instanceType: proto.instanceType,
                  price: proto.hasPrice ? try finite(proto.price, "price") : nil,
                  registered: proto.hasRegistered ? proto.registered : true,
                  initialized: proto.hasInitialized ? proto.initialized : true,
                  ready: proto.hasReady ? proto.ready : true,
                  createdAt: try finite(proto.createdAt, "createdAt", allowNegative: true),
                  markedForDeletion: proto.markedForDeletion,
                  nominated: proto.nominated,
                  drifted: proto.drifted,
                  volumeLimits: try countMap(proto.volumeLimits, "volumeLimits"))
    }

    var proto: Nodeplan_V1_Node {
        var message = Nodeplan_V1_Node()
        message.name = name
        message.labels = labels
        message.annotations = annotations
        message.taints = taints.map(\.proto)
        message.startupTaints = startupTaints.map(\.proto)
        message.capacity = capacity.proto
        message.allocatable = allocatable.proto
        message.nodePool = nodePool
        message.instanceType = instanceType
        if let price { message.price = price }
        message.registered = registered
        message.initialized = initialized
        message.ready = ready
        message.createdAt = createdAt
        message.markedForDeletion = markedForDeletion
        message.nominated = nominated
        message.drifted = drifted
        message.volumeLimits = volumeLimits.mapValues(Int64.init)
        return message
    }
}
