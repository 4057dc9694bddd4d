extension Workload {
    /// Decodes an `apps/v1` Deployment: `spec.replicas` (default 1) pods of `spec.template`.
    init(decodingDeployment object: Mapping, meta: ObjectMeta) throws(InputError) {
        try self.init(kind: .deployment, decoding: object, meta: meta, replicasKey: "replicas")
    }
}
