import NodePlanModel

extension KubeDaemonSet {
    /// Decodes an `apps/v1` DaemonSet's pod template.
    init(decoding object: Mapping, meta: ObjectMeta) throws(InputError) {
        let spec = try object.required("spec").mapping()
        let template = try PodTemplate(decodingTemplate: spec.required("template"), namespace: meta.namespace,
                                       owner: OwnerReference(kind: "DaemonSet", name: meta.name))
        self.init(meta: meta, template: template)
    }
}
