import NodePlanModel

extension Node {
    /// Decodes a `v1/Node`. Unmanaged nodes (no `karpenter.sh/nodepool` label) count as initialized;
    /// cordoned nodes get the `node.kubernetes.io/unschedulable` taint the node controller would add;
    /// a deletion timestamp or Karpenter's `karpenter.sh/disrupted` taint marks the node for deletion.
    init(decoding object: Mapping, meta: ObjectMeta) throws(InputError) {
        let spec = try object["spec"]?.mapping()
        let status = try object["status"]?.mapping()
        var taints = try Taint.list(decoding: spec?["taints"])
        if try spec?["unschedulable"]?.bool() ?? false, !taints.contains(where: { $0.key == Node.unschedulableTaintKey }) {
            taints.append(Taint(key: Node.unschedulableTaintKey, effect: .noSchedule))
        }
        var ready = false
        for condition in try status?["conditions"]?.sequence() ?? [] {
            let entry = try condition.mapping()
            if try entry["type"]?.string() == "Ready" { ready = try entry["status"]?.string() == "True" }
        }
        let labels = meta.labels
        let nodePool = labels[WellKnownLabel.nodePool] ?? ""
        let disrupted = taints.contains { $0.key == Node.disruptedTaintKey }
        self.init(name: meta.name, labels: labels, annotations: meta.annotations, taints: taints,
                  capacity: try status?["capacity"]?.resourceList() ?? ResourceList(),
                  allocatable: try status?["allocatable"]?.resourceList() ?? ResourceList(),
                  nodePool: nodePool,
                  instanceType: labels[WellKnownLabel.instanceType] ?? labels["beta.kubernetes.io/instance-type"] ?? "",
                  registered: true,
                  initialized: nodePool.isEmpty || labels[WellKnownLabel.initialized] == "true",
                  ready: ready, createdAt: meta.createdAt, markedForDeletion: meta.deletedAt != nil || disrupted)
    }

    /// The kubelet version from `status.nodeInfo`, e.g. `v1.33.2`.
    static func kubeletVersion(decoding object: Mapping) throws(InputError) -> String? {
        try object["status"]?.mapping()["nodeInfo"]?.mapping()["kubeletVersion"]?.string()
    }

    static let unschedulableTaintKey = "node.kubernetes.io/unschedulable"
    static let disruptedTaintKey = "karpenter.sh/disrupted"
}
