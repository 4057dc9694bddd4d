extension PersistentVolumeClaim {
    /// Decodes a `v1/PersistentVolumeClaim`: its bound volume and storage class (the spec field or
    /// the legacy `volume.beta.kubernetes.io/storage-class` annotation).
    init(decoding object: Mapping, meta: ObjectMeta) throws(InputError) {
        let spec = try object.required("spec").mapping()
        self.init(name: meta.name, namespace: meta.namespace, volumeName: try spec["volumeName"]?.string() ?? "",
                  storageClassName: try spec["storageClassName"]?.string()
                      ?? meta.annotations["volume.beta.kubernetes.io/storage-class"])
    }
}
