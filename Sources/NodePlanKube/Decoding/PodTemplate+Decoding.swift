import NodePlanModel

extension PodTemplate {
    /// Every field of a Kubernetes PodSpec, so misspelt ones (`nodeSelecter`, `tolerationz`) are reported.
    static let knownFields: Set<String> = [
        "activeDeadlineSeconds", "affinity", "automountServiceAccountToken", "containers", "dnsConfig", "dnsPolicy",
        "enableServiceLinks", "ephemeralContainers", "hostAliases", "hostIPC", "hostNetwork", "hostPID", "hostUsers",
        "hostname", "hostnameOverride", "imagePullSecrets", "initContainers", "nodeName", "nodeSelector", "os",
        "overhead", "preemptionPolicy", "priority", "priorityClassName", "readinessGates", "resourceClaims",
        "resources", "restartPolicy", "runtimeClassName", "schedulerName", "schedulingGates", "securityContext",
        "serviceAccount", "serviceAccountName", "setHostnameAsFQDN", "shareProcessNamespace", "subdomain",
        "terminationGracePeriodSeconds", "tolerations", "topologySpreadConstraints", "volumes", "workloadRef",
    ]

    /// Decodes a pod `spec` in `namespace` with the pod's (or template's) labels and annotations.
    init(decoding field: Field, namespace: String, labels: [String: String], annotations: [String: String],
         owner: OwnerReference?) throws(InputError) {
        let mapping = try field.mapping()
        try mapping.rejectUnknown(PodTemplate.knownFields)
        let hostNetwork = try mapping["hostNetwork"]?.bool() ?? false

        var containers: [Container] = []
        for item in try mapping.required("containers").sequence() {
            containers.append(try Container(decoding: item, isInit: false, hostNetwork: hostNetwork))
        }
        var initContainers: [Container] = []
        for item in try mapping["initContainers"]?.sequence() ?? [] {
            initContainers.append(try Container(decoding: item, isInit: true, hostNetwork: hostNetwork))
        }
        var nodeSelector: [String: String] = [:]
        for (key, value) in try mapping["nodeSelector"]?.stringMap() ?? [:] {
            nodeSelector[WellKnownLabel.normalized[key] ?? key] = value
        }
        var tolerations: [Toleration] = []
        for item in try mapping["tolerations"]?.sequence() ?? [] { tolerations.append(try Toleration(decoding: item)) }
        var spreads: [TopologySpreadConstraint] = []
        for item in try mapping["topologySpreadConstraints"]?.sequence() ?? [] {
            spreads.append(try TopologySpreadConstraint(decoding: item))
        }
        var podLevelRequests: ResourceList?
        if let resourcesField = mapping["resources"] {
            let resources = try resourcesField.mapping()
            try resources.rejectUnknown(["requests", "limits", "claims"])
            // Kubernetes defaults pod-level requests from pod-level limits, as for containers.
            var requests = try resources["limits"]?.resourceList() ?? ResourceList()
            for entry in (try resources["requests"]?.resourceList() ?? ResourceList()).entries {
                requests[entry.name] = entry.quantity
            }
            podLevelRequests = requests.isEmpty ? nil : requests
        }
        var preemptionPolicy: String?
        if let policy = mapping["preemptionPolicy"] {
            preemptionPolicy = try policy.enum(PreemptionPolicy.self).rawValue
        }
        self.init(
            spec: PodSpec(namespace: namespace, labels: labels, annotations: annotations, owner: owner,
                          nodeSelector: nodeSelector,
                          affinity: try mapping["affinity"].map(Affinity.init(decoding:)) ?? Affinity(),
                          tolerations: tolerations, topologySpreadConstraints: spreads, containers: containers,
                          initContainers: initContainers, overhead: try mapping["overhead"]?.resourceList() ?? ResourceList(),
                          podLevelRequests: podLevelRequests,
                          schedulerName: try mapping["schedulerName"]?.string() ?? "default-scheduler"),
            priority: try mapping["priority"]?.int32(),
            priorityClassName: try mapping["priorityClassName"]?.string(),
            preemptionPolicy: preemptionPolicy,
            volumes: try PodTemplate.volumes(decoding: mapping["volumes"]),
            nodeName: try mapping["nodeName"]?.string() ?? ""
        )
    }

    /// Decodes a workload's `spec.template` (`{metadata, spec}`).
    init(decodingTemplate field: Field, namespace: String, owner: OwnerReference?) throws(InputError) {
        let template = try field.mapping()
        try template.rejectUnknown(["metadata", "spec"])
        var labels: [String: String] = [:]
        var annotations: [String: String] = [:]
        if let metadata = try template["metadata"]?.mapping() {
            labels = try metadata["labels"]?.stringMap() ?? [:]
            annotations = try metadata["annotations"]?.stringMap() ?? [:]
        }
        try self.init(decoding: template.required("spec"), namespace: namespace, labels: labels, annotations: annotations,
                      owner: owner)
    }

    /// The volumes that can constrain the node: PVC references and generic ephemeral volumes.
    private static func volumes(decoding field: Field?) throws(InputError) -> [PodVolume] {
        var volumes: [PodVolume] = []
        for item in try field?.sequence() ?? [] {
            let volume = try item.mapping()
            let name = try volume.required("name").string()
            if let claim = try volume["persistentVolumeClaim"]?.mapping() {
                volumes.append(.claim(try claim.required("claimName").string()))
            } else if let ephemeral = try volume["ephemeral"]?.mapping() {
                let template = try ephemeral.required("volumeClaimTemplate").mapping()
                let spec = try template.required("spec").mapping()
                volumes.append(.ephemeral(volumeName: name, storageClassName: try spec["storageClassName"]?.string()))
            }
        }
        return volumes
    }
}

/// Values of `spec.preemptionPolicy`.
enum PreemptionPolicy: String, CaseIterable {
    case preemptLowerPriority = "PreemptLowerPriority"
    case never = "Never"
}
