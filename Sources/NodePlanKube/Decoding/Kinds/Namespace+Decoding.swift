import NodePlanModel

extension Namespace {
    /// Decodes a `v1/Namespace`: its name and labels.
    init(decoding meta: ObjectMeta) {
        self.init(name: meta.name, labels: meta.labels)
    }
}
