import NodePlanModel

extension KubePod {
    /// Decodes a `v1/Pod`: its spec, and from `status` only the phase and nominated node.
    init(decoding object: Mapping, meta: ObjectMeta) throws(InputError) {
        let template = try PodTemplate(decoding: object.required("spec"), namespace: meta.namespace, labels: meta.labels,
                                       annotations: meta.annotations, owner: meta.owner)
        let status = try object["status"]?.mapping()
        self.init(meta: meta, template: template,
                  nominatedNodeName: try status?["nominatedNodeName"]?.string() ?? "",
                  phase: try status?["phase"]?.oneOf([PodPhase.pending, .running, .succeeded, .failed, .unknown]) ?? .pending)
    }
}
