import NodePlanModel

// Pod shapes: everything scheduling-relevant that replicas share.

extension PodSpec {
    init(proto: Nodeplan_V1_PodSpec) throws(ProtoDecodingError) {
        self.init(
            namespace: try nonEmpty(proto.namespace, "namespace"),
            labels: try stringMap(proto.labels, "labels"),
            annotations: try stringMap(proto.annotations, "annotations"),
            owner: proto.hasOwner ? try decodeField("owner", proto.owner, OwnerReference.init(proto:)) : nil,
            nodeSelector: try stringMap(proto.nodeSelector, "nodeSelector"),
            affinity: try decodeField("affinity", proto.affinity, Affinity.init(proto:)),
            tolerations: try decodingEach("tolerations", proto.tolerations, Toleration.init(proto:)),
            topologySpreadConstraints: try decodingEach("topologySpreadConstraints", proto.topologySpreadConstraints,
                                                        TopologySpreadConstraint.init(proto:)),
            priority: proto.priority,
            priorityClassName: proto.priorityClassName,
            preemptionPolicy: proto.preemptionPolicy,
            containers: try decodingEach("containers", proto.containers, Container.init(proto:)),
            initContainers: try decodingEach("initContainers", proto.initContainers, Container.init(proto:)),
            overhead: try decodeField("overhead", proto.overhead, ResourceList.init(proto:)),
            podLevelRequests: proto.hasPodLevelRequests
                ? try decodeField("podLevelRequests", proto.podLevelRequests, ResourceList.init(proto:)) : nil,
            volumes: try decodeField("volumes", proto.volumes, VolumeRequirements.init(proto:)),
            schedulerName: proto.schedulerName)
    }

    var proto: Nodeplan_V1_PodSpec {
        var message = Nodeplan_V1_PodSpec()
        message.namespace = namespace
        message.labels = labels
        message.annotations = annotations
        if let owner { message.owner = owner.proto }
        message.nodeSelector = nodeSelector
        message.affinity = affinity.proto
        message.tolerations = tolerations.map(\.proto)
        message.topologySpreadConstraints = topologySpreadConstraints.map(\.proto)
        message.priority = priority
        message.priorityClassName = priorityClassName
        message.preemptionPolicy = preemptionPolicy
        message.containers = containers.map(\.proto)
        message.initContainers = initContainers.map(\.proto)
        message.overhead = overhead.proto
        if let podLevelRequests { message.podLevelRequests = podLevelRequests.proto }
        message.volumes = volumes.proto
        message.schedulerName = schedulerName
        return message
    }
}

extension OwnerReference {
    init(proto: Nodeplan_V1_OwnerReference) throws(ProtoDecodingError) {
        self.init(kind: try nonEmpty(proto.kind, "kind"), name: try nonEmpty(proto.name, "name"))
    }

    var proto: Nodeplan_V1_OwnerReference {
        var message = Nodeplan_V1_OwnerReference()
        message.kind = kind
        message.name = name
        return message
    }
}

extension Container {
    init(proto: Nodeplan_V1_Container) throws(ProtoDecodingError) {
        self.init(name: try nonEmpty(proto.name, "name"),
                  requests: try decodeField("requests", proto.requests, ResourceList.init(proto:)),
                  limits: try decodeField("limits", proto.limits, ResourceList.init(proto:)),
                  isSidecar: proto.isSidecar,
                  hostPorts: try decodingEach("hostPorts", proto.hostPorts, HostPort.init(proto:)))
    }

    var proto: Nodeplan_V1_Container {
        var message = Nodeplan_V1_Container()
        message.name = name
        message.requests = requests.proto
        message.limits = limits.proto
        message.isSidecar = isSidecar
        message.hostPorts = hostPorts.map(\.proto)
        return message
    }
}

extension HostPort {
    init(proto: Nodeplan_V1_HostPort) throws(ProtoDecodingError) {
        self.init(hostIP: proto.hostIp, port: try within(proto.port, 1...65535, "port"),
                  protocol: try nonEmpty(proto.protocol, "protocol"))
    }

    var proto: Nodeplan_V1_HostPort {
        var message = Nodeplan_V1_HostPort()
        message.hostIp = hostIP
        message.port = port
        message.protocol = self.protocol
        return message
    }
}

extension VolumeRequirements {
    init(proto: Nodeplan_V1_VolumeRequirements) throws(ProtoDecodingError) {
        self.init(topologyAlternatives: try decodingEach("topologyAlternatives", proto.topologyAlternatives) {
                      (term) throws(ProtoDecodingError) in try NodeSelectorTerm(proto: term).matchExpressions
                  },
                  attachments: try countMap(proto.attachments, "attachments"))
    }

    var proto: Nodeplan_V1_VolumeRequirements {
        var message = Nodeplan_V1_VolumeRequirements()
        message.topologyAlternatives = topologyAlternatives.map { NodeSelectorTerm($0).proto }
        message.attachments = attachments.mapValues(Int64.init)
        return message
    }
}

extension TopologySpreadConstraint {
    init(proto: Nodeplan_V1_TopologySpreadConstraint) throws(ProtoDecodingError) {
        self.init(maxSkew: try within(proto.maxSkew, 1...Int32.max, "maxSkew"),
                  topologyKey: try nonEmpty(proto.topologyKey, "topologyKey"),
                  whenUnsatisfiable: try decodeEnum(proto.whenUnsatisfiable, "whenUnsatisfiable"),
                  labelSelector: proto.hasLabelSelector
                      ? try decodeField("labelSelector", proto.labelSelector, LabelSelector.init(proto:)) : nil,
                  minDomains: proto.hasMinDomains ? try within(proto.minDomains, 1...Int32.max, "minDomains") : nil,
                  nodeAffinityPolicy: try decodeEnum(proto.nodeAffinityPolicy, "nodeAffinityPolicy", default: .honor),
                  nodeTaintsPolicy: try decodeEnum(proto.nodeTaintsPolicy, "nodeTaintsPolicy", default: .ignore),
                  matchLabelKeys: proto.matchLabelKeys)
    }

    var proto: Nodeplan_V1_TopologySpreadConstraint {
        var message = Nodeplan_V1_TopologySpreadConstraint()
        message.maxSkew = maxSkew
        message.topologyKey = topologyKey
        message.whenUnsatisfiable = whenUnsatisfiable.proto
        if let labelSelector { message.labelSelector = labelSelector.proto }
        if let minDomains { message.minDomains = minDomains }
        message.nodeAffinityPolicy = nodeAffinityPolicy.proto
        message.nodeTaintsPolicy = nodeTaintsPolicy.proto
        message.matchLabelKeys = matchLabelKeys
        return message
    }
}
