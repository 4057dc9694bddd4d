import NodePlanModel

extension NodeClaim {
    /// Decodes a `karpenter.sh/v1` NodeClaim; its spec is Karpenter's and decoded strictly.
    init(decoding object: Mapping, meta: ObjectMeta) throws(InputError) {
        let spec = try object.required("spec").mapping()
        try spec.rejectUnknown(["taints", "startupTaints", "requirements", "resources", "nodeClassRef", "expireAfter",
                                "terminationGracePeriod"])
        var requirements: [NodeSelectorRequirement] = []
        for item in try spec["requirements"]?.sequence() ?? [] {
            requirements.append(try NodeSelectorRequirement(decoding: item, operators: NodeSelectorOperator.allCases,
                                                            allowsMinValues: true))
        }
        if let expireAfter = spec["expireAfter"] { _ = try expireAfter.durationOrNever() }
        if let grace = spec["terminationGracePeriod"] { _ = try grace.duration() }
        let status = try object["status"]?.mapping()
        self.init(meta: meta, nodeName: try status?["nodeName"]?.string() ?? "",
                  taints: try Taint.list(decoding: spec["taints"]),
                  startupTaints: try Taint.list(decoding: spec["startupTaints"]),
                  requirements: requirements,
                  capacity: try status?["capacity"]?.resourceList() ?? ResourceList(),
                  allocatable: try status?["allocatable"]?.resourceList() ?? ResourceList())
    }
}
