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
            for item in try mapping["items"]?.sequence() ?? [] { try decode(item, file: file, into: &objects) }
            return
        }
        let apiVersionField = try mapping.required("apiVersion")
        let apiVersion = try apiVersionField.string()
        guard let supported = supportedKinds[kind] else {
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
            let object = try supported.decode(mapping, meta)
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

    private struct SupportedKind: Sendable {
        var apiVersions: Set<String>
        var namespaced: Bool
        var decode: @Sendable (Mapping, ObjectMeta) throws(InputError) -> KubeObject
    }

    private static let supportedKinds: [String: SupportedKind] = [
        "Pod": SupportedKind(apiVersions: ["v1"], namespaced: true) { mapping, meta throws(InputError) in .pod(try KubePod(decoding: mapping, meta: meta)) },
        "Deployment": SupportedKind(apiVersions: ["apps/v1"], namespaced: true) { mapping, meta throws(InputError) in
            .workload(try Workload(decodingDeployment: mapping, meta: meta))
        },
        "ReplicaSet": SupportedKind(apiVersions: ["apps/v1"], namespaced: true) { mapping, meta throws(InputError) in
            .workload(try Workload(decodingReplicaSet: mapping, meta: meta))
        },
        "StatefulSet": SupportedKind(apiVersions: ["apps/v1"], namespaced: true) { mapping, meta throws(InputError) in
            .workload(try Workload(decodingStatefulSet: mapping, meta: meta))
        },
        "Job": SupportedKind(apiVersions: ["batch/v1"], namespaced: true) { mapping, meta throws(InputError) in
            .workload(try Workload(decodingJob: mapping, meta: meta))
        },
        "DaemonSet": SupportedKind(apiVersions: ["apps/v1"], namespaced: true) { mapping, meta throws(InputError) in
            .daemonSet(try KubeDaemonSet(decoding: mapping, meta: meta))
        },
        "Node": SupportedKind(apiVersions: ["v1"], namespaced: false) { mapping, meta throws(InputError) in
            .node(try Node(decoding: mapping, meta: meta), kubeletVersion: try Node.kubeletVersion(decoding: mapping))
        },
        "NodeClaim": SupportedKind(apiVersions: ["karpenter.sh/v1"], namespaced: false) { mapping, meta throws(InputError) in
            .nodeClaim(try NodeClaim(decoding: mapping, meta: meta))
        },
        "NodePool": SupportedKind(apiVersions: ["karpenter.sh/v1"], namespaced: false) { mapping, meta throws(InputError) in
            .nodePool(try NodePool(decoding: mapping, meta: meta))
        },
        "AKSNodeClass": SupportedKind(apiVersions: ["karpenter.azure.com/v1beta1", "karpenter.azure.com/v1alpha2"],
                                      namespaced: false) { mapping, meta throws(InputError) in .nodeClass(try AKSNodeClass(decoding: mapping, meta: meta)) },
        "PodDisruptionBudget": SupportedKind(apiVersions: ["policy/v1"], namespaced: true) { mapping, meta throws(InputError) in
            .podDisruptionBudget(try PodDisruptionBudget(decoding: mapping, meta: meta))
        },
        "PriorityClass": SupportedKind(apiVersions: ["scheduling.k8s.io/v1"], namespaced: false) { mapping, meta throws(InputError) in
            .priorityClass(try PriorityClass(decoding: mapping, meta: meta))
        },
        "PersistentVolumeClaim": SupportedKind(apiVersions: ["v1"], namespaced: true) { mapping, meta throws(InputError) in
            .persistentVolumeClaim(try PersistentVolumeClaim(decoding: mapping, meta: meta))
        },
        "PersistentVolume": SupportedKind(apiVersions: ["v1"], namespaced: false) { mapping, meta throws(InputError) in
            .persistentVolume(try PersistentVolume(decoding: mapping, meta: meta))
        },
        "StorageClass": SupportedKind(apiVersions: ["storage.k8s.io/v1"], namespaced: false) { mapping, meta throws(InputError) in
            .storageClass(try StorageClass(decoding: mapping, meta: meta))
        },
        "CSINode": SupportedKind(apiVersions: ["storage.k8s.io/v1"], namespaced: false) { mapping, meta throws(InputError) in
            .csiNode(try CSINode(decoding: mapping, meta: meta))
        },
        "Namespace": SupportedKind(apiVersions: ["v1"], namespaced: false) { _, meta throws(InputError) in .namespace(Namespace(decoding: meta)) },
        "InstanceTypeCatalog": SupportedKind(apiVersions: ["nodeplan.io/v1alpha1"], namespaced: false) { mapping, meta throws(InputError) in
            .catalog(try InstanceTypeCatalog(decoding: mapping, meta: meta))
        },
    ]

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
