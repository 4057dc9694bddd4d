import NodePlanModel

extension PriorityClass {
    /// Decodes a `scheduling.k8s.io/v1` PriorityClass (its fields are top-level, not under `spec`).
    init(decoding object: Mapping, meta: ObjectMeta) throws(InputError) {
        self.init(name: meta.name, value: try object.required("value").int32(),
                  globalDefault: try object["globalDefault"]?.bool() ?? false,
                  preemptionPolicy: try object["preemptionPolicy"]?.enum(PreemptionPolicy.self).rawValue
                      ?? PreemptionPolicy.preemptLowerPriority.rawValue)
    }
}
