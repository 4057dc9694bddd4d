import NodePlanModel

extension Snapshot {
    /// Decodes and validates a snapshot: every field is checked (names, enums, quantities, prices,
    /// pod-spec indices, duplicate names), and the first problem is thrown with its field path.
    public init(proto: Nodeplan_V1_Snapshot) throws(ProtoDecodingError) {
        try requirePresent(proto.hasCluster, "cluster")
        let podSpecs = try decodingEach("podSpecs", proto.podSpecs, PodSpec.init(proto:))
        self.init(
            cluster: try decodeField("cluster", proto.cluster, Cluster.init(proto:)),
            instanceTypes: try decodingEach("instanceTypes", proto.instanceTypes, InstanceType.init(proto:)),
            catalog: proto.hasCatalog ? try decodeField("catalog", proto.catalog, CatalogSelection.init(proto:)) : nil,
            nodePools: try decodingEach("nodePools", proto.nodePools, NodePool.init(proto:)),
            nodeClasses: try decodingEach("nodeClasses", proto.nodeClasses, AKSNodeClass.init(proto:)),
            nodes: try decodingEach("nodes", proto.nodes, Node.init(proto:)),
            podSpecs: podSpecs,
            pods: try decodingEach("pods", proto.pods) { (pod) throws(ProtoDecodingError) in
                try Pod(proto: pod, podSpecCount: podSpecs.count)
            },
            daemonSets: try decodingEach("daemonSets", proto.daemonSets, DaemonSet.init(proto:)),
            podDisruptionBudgets: try decodingEach("podDisruptionBudgets", proto.podDisruptionBudgets,
                                                   PodDisruptionBudget.init(proto:)),
            priorityClasses: try decodingEach("priorityClasses", proto.priorityClasses, PriorityClass.init(proto:)),
            namespaces: try decodingEach("namespaces", proto.namespaces, Namespace.init(proto:)),
            options: try decodeField("options", proto.options, SolverOptions.init(proto:)))
        try requireUnique(instanceTypes.lazy.map(\.name), "instanceTypes")
        try requireUnique(nodePools.lazy.map(\.name), "nodePools")
        try requireUnique(nodeClasses.lazy.map(\.name), "nodeClasses")
        try requireUnique(nodes.lazy.map(\.name), "nodes")
        try requireUnique(priorityClasses.lazy.map(\.name), "priorityClasses")
        try requireUnique(namespaces.lazy.map(\.name), "namespaces")
        try requireUniquePods()
    }

    /// Pods are unique by namespace and name, as in Kubernetes; a duplicate would be planned twice.
    private func requireUniquePods() throws(ProtoDecodingError) {
        struct PodKey: Hashable {
            var namespace: String
            var name: String
        }
        var seen = Set<PodKey>(minimumCapacity: pods.count)
        for (index, pod) in pods.enumerated() {
            let key = PodKey(namespace: podSpecs[Int(pod.spec)].namespace, name: pod.name)
            guard seen.insert(key).inserted else {
                throw ProtoDecodingError(fieldPath: "pods[\(index)].name", reason: "duplicate pod \"\(key.namespace)/\(key.name)\"")
            }
        }
    }

    /// The snapshot as its protobuf message; `Snapshot(proto: snapshot.proto) == snapshot`.
    public var proto: Nodeplan_V1_Snapshot {
        var message = Nodeplan_V1_Snapshot()
        message.cluster = cluster.proto
        message.instanceTypes = instanceTypes.map(\.proto)
        if let catalog { message.catalog = catalog.proto }
        message.nodePools = nodePools.map(\.proto)
        message.nodeClasses = nodeClasses.map(\.proto)
        message.nodes = nodes.map(\.proto)
        message.podSpecs = podSpecs.map(\.proto)
        message.pods = pods.map(\.proto)
        message.daemonSets = daemonSets.map(\.proto)
        message.podDisruptionBudgets = podDisruptionBudgets.map(\.proto)
        message.priorityClasses = priorityClasses.map(\.proto)
        message.namespaces = namespaces.map(\.proto)
        message.options = options.proto
        return message
    }
}
