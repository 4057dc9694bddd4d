import NodePlanModel

// The smaller cluster-wide objects of a snapshot: cluster facts, DaemonSets, PDBs,
// PriorityClasses and namespaces.

extension Cluster {
    init(proto: Nodeplan_V1_Cluster) throws(ProtoDecodingError) {
        self.init(name: proto.name, region: proto.region, kubernetesVersion: proto.kubernetesVersion,
                  now: try finite(proto.now, "now"),
                  networkPlugin: try decodeEnum(proto.networkPlugin, "networkPlugin", default: .azureOverlay))
    }

    var proto: Nodeplan_V1_Cluster {
        var message = Nodeplan_V1_Cluster()
        message.name = name
        message.region = region
        message.kubernetesVersion = kubernetesVersion
        message.now = now
        message.networkPlugin = networkPlugin.proto
        return message
    }
}

extension DaemonSet {
    init(proto: Nodeplan_V1_DaemonSet) throws(ProtoDecodingError) {
        try requirePresent(proto.hasTemplate, "template")
        self.init(name: try nonEmpty(proto.name, "name"),
                  template: try decodeField("template", proto.template, PodSpec.init(proto:)))
    }

    var proto: Nodeplan_V1_DaemonSet {
        var message = Nodeplan_V1_DaemonSet()
        message.name = name
        message.template = template.proto
        return message
    }
}

extension PodDisruptionBudget {
    init(proto: Nodeplan_V1_PodDisruptionBudget) throws(ProtoDecodingError) {
        self.init(name: try nonEmpty(proto.name, "name"),
                  namespace: try nonEmpty(proto.namespace, "namespace"),
                  selector: try decodeField("selector", proto.selector, LabelSelector.init(proto:)),
                  minAvailable: proto.hasMinAvailable ? try nonEmpty(proto.minAvailable, "minAvailable") : nil,
                  maxUnavailable: proto.hasMaxUnavailable ? try nonEmpty(proto.maxUnavailable, "maxUnavailable") : nil,
                  disruptionsAllowed: proto.hasDisruptionsAllowed
                      ? try within(proto.disruptionsAllowed, 0...Int32.max, "disruptionsAllowed") : nil)
    }

    var proto: Nodeplan_V1_PodDisruptionBudget {
        var message = Nodeplan_V1_PodDisruptionBudget()
        message.name = name
        message.namespace = namespace
        message.selector = selector.proto
        if let minAvailable { message.minAvailable = minAvailable }
        if let maxUnavailable { message.maxUnavailable = maxUnavailable }
        if let disruptionsAllowed { message.disruptionsAllowed = disruptionsAllowed }
        return message
    }
}

extension PriorityClass {
    init(proto: Nodeplan_V1_PriorityClass) throws(ProtoDecodingError) {
        self.init(name: try nonEmpty(proto.name, "name"), value: proto.value, globalDefault: proto.globalDefault,
                  preemptionPolicy: proto.preemptionPolicy)
    }

    var proto: Nodeplan_V1_PriorityClass {
        var message = Nodeplan_V1_PriorityClass()
        message.name = name
        message.value = value
        message.globalDefault = globalDefault
        message.preemptionPolicy = preemptionPolicy
        return message
    }
}

extension Namespace {
    init(proto: Nodeplan_V1_Namespace) throws(ProtoDecodingError) {
        self.init(name: try nonEmpty(proto.name, "name"), labels: try stringMap(proto.labels, "labels"))
    }

    var proto: Nodeplan_V1_Namespace {
        var message = Nodeplan_V1_Namespace()
        message.name = name
        message.labels = labels
        return message
    }
}
