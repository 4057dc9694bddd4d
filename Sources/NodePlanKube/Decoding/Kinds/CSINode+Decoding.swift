extension CSINode {
    /// Decodes a `storage.k8s.io/v1` CSINode: `spec.drivers[].allocatable.count` per driver.
    init(decoding object: Mapping, meta: ObjectMeta) throws(InputError) {
        var limits: [String: Int] = [:]
        let spec = try object.required("spec").mapping()
        for item in try spec["drivers"]?.sequence() ?? [] {
            let driver = try item.mapping()
            if let count = try driver["allocatable"]?.mapping()["count"]?.count() {
                limits[try driver.required("name").string()] = count
            }
        }
        self.init(name: meta.name, attachLimits: limits)
    }
}
