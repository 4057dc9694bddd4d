import NodePlanModel

extension ObjectMeta {
    /// Decodes `metadata`; unrelated fields (managedFields, resourceVersion, ...) are skipped.
    init(decoding field: Field, namespaced: Bool) throws(InputError) {
        let metadata = try field.mapping()
        let nameField = try metadata.required("name")
        let name = try nameField.string()
        guard !name.isEmpty else { throw nameField.error("must not be empty") }
        var owner: OwnerReference?
        for reference in try metadata["ownerReferences"]?.sequence() ?? [] {
            let entry = try reference.mapping()
            let candidate = OwnerReference(kind: try entry.required("kind").string(), name: try entry.required("name").string())
            let isController = try entry["controller"]?.bool() ?? false
            if isController || owner == nil { owner = candidate }
            if isController { break }
        }
        self.init(
            name: name,
            namespace: namespaced ? (try metadata["namespace"]?.string() ?? "default") : "",
            uid: try metadata["uid"]?.string() ?? "",
            labels: try metadata["labels"]?.stringMap() ?? [:],
            annotations: try metadata["annotations"]?.stringMap() ?? [:],
            owner: owner,
            createdAt: try metadata["creationTimestamp"]?.timestamp() ?? 0,
            deletedAt: try metadata["deletionTimestamp"]?.timestamp()
        )
    }
}
