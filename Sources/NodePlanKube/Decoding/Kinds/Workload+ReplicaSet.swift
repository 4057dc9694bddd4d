extension Workload {
    /// Decodes an `apps/v1` ReplicaSet: `spec.replicas` (default 1) pods of `spec.template`.
    init(decodingReplicaSet object: Mapping, meta: ObjectMeta) throws(InputError) {
        try self.init(kind: .replicaSet, decoding: object, meta: meta, replicasKey: "replicas")
    }
}
