extension Workload {
    /// Decodes an `apps/v1` StatefulSet: `spec.replicas` (default 1) ordinal pods, each with the
    /// claims of `spec.volumeClaimTemplates`.
    init(decodingStatefulSet object: Mapping, meta: ObjectMeta) throws(InputError) {
        try self.init(kind: .statefulSet, decoding: object, meta: meta, replicasKey: "replicas")
        let spec = try object.required("spec").mapping()
        for item in try spec["volumeClaimTemplates"]?.sequence() ?? [] {
            let claim = try item.mapping()
            let name = try claim.required("metadata").mapping().required("name").string()
            let claimSpec = try claim["spec"]?.mapping()
            volumeClaimTemplates.append(VolumeClaimTemplate(name: name,
                                                            storageClassName: try claimSpec?["storageClassName"]?.string()))
        }
    }
}
