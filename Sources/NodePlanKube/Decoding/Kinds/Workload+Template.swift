import NodePlanModel

extension Workload {
    /// Decodes the parts every workload kind shares: `spec.template` and the replica count at `replicasKey`.
    init(kind: WorkloadKind, decoding object: Mapping, meta: ObjectMeta, replicasKey: String?) throws(InputError) {
        let spec = try object.required("spec").mapping()
        let owner = OwnerReference(kind: kind.rawValue, name: meta.name)
        let template = try PodTemplate(decodingTemplate: spec.required("template"), namespace: meta.namespace, owner: owner)
        let replicas = try replicasKey.flatMap { key in spec[key] }?.count() ?? 1
        self.init(kind: kind, meta: meta, desiredPods: replicas, template: template, volumeClaimTemplates: [])
    }
}
