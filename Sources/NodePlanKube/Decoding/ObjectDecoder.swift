import NodePlanModel

/// A decoded object with where it came from.
struct DecodedObject: Hashable, Sendable {
    var object: KubeObject
    var origin: ObjectOrigin
}

/// Turns top-level documents into decoded objects, dispatching on `apiVersion` and `kind`.
/// Lists (`kind: List`, `PodList`, ...) are flattened; kinds that cannot affect scheduling
/// (Services, ConfigMaps, ...) are skipped; any other kind is an error naming it.
enum ObjectDecoder {
    static func decode(_ document: YAMLValue, file: String?) throws(InputError) -> [DecodedObject] {
        var objects: [DecodedObject] = []
        try decode(Field(document), file: file, into: &objects)
        return objects
    }

    private static func decode(_ field: Field, file: String?, into objects: inout [DecodedObject]) throws(InputError) {
        let mapping = try field.mapping()
        let kindField = try mapping.required("kind")
        let kind = try kindField.string()
        if kind == "List" || (kind.hasSuffix("List") && mapping["items"] != nil) {
            // Field paths start afresh at each item: errors name the object, not its place in the list.
            for item in try mapping["items"]?.sequence() ?? [] { try decode(Field(item.value), file: file, into: &objects) }
            return
        }
        let apiVersionField = try mapping.required("apiVersion")
        let apiVersion = try apiVersionField.string()
        guard let supported = SupportedKind(rawValue: kind) else {
            if ignoredKinds.contains(kind) { return }
            throw kindField.error("unsupported kind \"\(kind)\" (apiVersion \(apiVersion))")
        }
        guard supported.apiVersions.contains(apiVersion) else {
            let expected = supported.apiVersions.sorted().joined(separator: " or ")
            throw apiVersionField.error("unsupported apiVersion \"\(apiVersion)\" for \(kind); expected \(expected)")
        }
        let origin = ObjectOrigin(file: file, location: field.location,
                                  object: identity(kind: kind, metadata: mapping["metadata"]?.value,
                                                   namespaced: supported.namespaced))
        do throws(InputError) {
            let meta = try ObjectMeta(decoding: mapping.required("metadata"), namespaced: supported.namespaced)
            let object = try supported.decode(mapping, meta: meta)
            objects.append(DecodedObject(object: object, origin: origin))
        } catch {
            throw error.within(object: origin.object)
        }
    }

    /// `Kind namespace/name` (or `Kind name`), read leniently so that errors inside metadata can name the object too.
    private static func identity(kind: String, metadata: YAMLValue?, namespaced: Bool) -> String {
        guard let name = metadata?["name"]?.scalarText, !name.isEmpty else { return kind }
        guard namespaced else { return "\(kind) \(name)" }
        let namespace = metadata?["namespace"]?.scalarText ?? "default"
        return "\(kind) \(namespace)/\(name)"
    }

    /// Kinds `kubectl get all` and cluster dumps contain that never affect node provisioning.
    /// CronJobs are here too: the Jobs they have started appear as Job objects.
    private static let ignoredKinds: Set<String> = [
        "Service", "Endpoints", "EndpointSlice", "ConfigMap", "Secret", "ServiceAccount", "Event", "CronJob",
        "HorizontalPodAutoscaler", "Ingress", "IngressClass", "NetworkPolicy", "Role", "RoleBinding", "ClusterRole",
        "ClusterRoleBinding", "LimitRange", "ResourceQuota", "ControllerRevision", "Lease", "CustomResourceDefinition",
        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "APIService", "CSIDriver", "VolumeAttachment",
        "RuntimeClass", "VerticalPodAutoscaler",
    ]
}
