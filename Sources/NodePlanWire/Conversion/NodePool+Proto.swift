import NodePlanModel

// karpenter.sh/v1 NodePools and their disruption settings.

extension NodePool {
    init(proto: Nodeplan_V1_NodePool) throws(ProtoDecodingError) {
        self.init(
            name: try nonEmpty(proto.name, "name"),
            weight: try within(proto.weight, 0...100, "weight"),
            labels: try stringMap(proto.labels, "labels"),
            annotations: try stringMap(proto.annotations, "annotations"),
            taints: try decodeTaints("taints", proto.taints),
            startupTaints: try decodeTaints("startupTaints", proto.startupTaints),
            requirements: try decodeRequirements("requirements", proto.requirements),
            nodeClass: try nonEmpty(proto.nodeClass, "nodeClass"),
            expireAfterSeconds: proto.hasExpireAfterSeconds ? try finite(proto.expireAfterSeconds, "expireAfterSeconds") : nil,
            terminationGracePeriodSeconds: proto.hasTerminationGracePeriodSeconds
                ? try finite(proto.terminationGracePeriodSeconds, "terminationGracePeriodSeconds") : nil,
            disruption: proto.hasDisruption ? try decodeField("disruption", proto.disruption, Disruption.init(proto:)) : Disruption(),
            limits: try decodeField("limits", proto.limits, ResourceList.init(proto:)),
            replicas: proto.hasReplicas ? try within(proto.replicas, 0...Int64.max, "replicas") : nil)
    }

    var proto: Nodeplan_V1_NodePool {
        var message = Nodeplan_V1_NodePool()
        message.name = name
        message.weight = weight
        message.labels = labels
        message.annotations = annotations
        message.taints = taints.map(\.proto)
        message.startupTaints = startupTaints.map(\.proto)
        message.requirements = requirements.map(\.proto)
        message.nodeClass = nodeClass
        if let expireAfterSeconds { message.expireAfterSeconds = expireAfterSeconds }
        if let terminationGracePeriodSeconds { message.terminationGracePeriodSeconds = terminationGracePeriodSeconds }
        message.disruption = disruption.proto
        message.limits = limits.proto
        if let replicas { message.replicas = replicas }
        return message
    }
}

extension Disruption {
    init(proto: Nodeplan_V1_Disruption) throws(ProtoDecodingError) {
        self.init(consolidationPolicy: try decodeEnum(proto.consolidationPolicy, "consolidationPolicy"),
                  consolidateAfterSeconds: proto.hasConsolidateAfterSeconds
                      ? try finite(proto.consolidateAfterSeconds, "consolidateAfterSeconds") : nil,
                  budgets: try decodingEach("budgets", proto.budgets, DisruptionBudget.init(proto:)))
    }

    var proto: Nodeplan_V1_Disruption {
        var message = Nodeplan_V1_Disruption()
        message.consolidationPolicy = consolidationPolicy.proto
        if let consolidateAfterSeconds { message.consolidateAfterSeconds = consolidateAfterSeconds }
        message.budgets = budgets.map(\.proto)
        return message
    }
}

extension DisruptionBudget {
    init(proto: Nodeplan_V1_DisruptionBudget) throws(ProtoDecodingError) {
        self.init(nodes: try nonEmpty(proto.nodes, "nodes"),
                  schedule: proto.hasSchedule ? try nonEmpty(proto.schedule, "schedule") : nil,
                  durationSeconds: proto.hasDurationSeconds ? try finite(proto.durationSeconds, "durationSeconds") : nil,
                  reasons: try decodingEach("reasons", proto.reasons) { (reason) throws(ProtoDecodingError) in
                      try decodeEnum(reason, "")
                  })
    }

    var proto: Nodeplan_V1_DisruptionBudget {
        var message = Nodeplan_V1_DisruptionBudget()
        message.nodes = nodes
        if let schedule { message.schedule = schedule }
        if let durationSeconds { message.durationSeconds = durationSeconds }
        message.reasons = reasons.map(\.proto)
        return message
    }
}
