import NodePlanModel

extension Plan {
    /// Decodes and validates a plan. Pod references must be below `podCount` (the size of the
    /// snapshot the plan answers) when it is given.
    public init(proto: Nodeplan_V1_Plan, podCount: Int? = nil) throws(ProtoDecodingError) {
        func pods(_ field: String, _ indices: [UInt32]) throws(ProtoDecodingError) -> [Int32] {
            try decodingEach(field, indices) { (value) throws(ProtoDecodingError) in
                try index(value, "", count: podCount, of: "pods")
            }
        }
        self.init(
            launches: try decodingEach("launches", proto.launches) { (launch) throws(ProtoDecodingError) in
                try NodeLaunch(proto: launch, pods: pods)
            },
            assignments: try decodingEach("assignments", proto.assignments) { (assignment) throws(ProtoDecodingError) in
                NodeAssignment(node: try nonEmpty(assignment.node, "node"), pods: try pods("pods", assignment.pods))
            },
            terminations: try decodingEach("terminations", proto.terminations) { (termination) throws(ProtoDecodingError) in
                try NodeTermination(proto: termination, pods: pods)
            },
            unschedulable: try decodingEach("unschedulable", proto.unschedulable) { (pod) throws(ProtoDecodingError) in
                UnschedulablePod(pod: try index(pod.pod, "pod", count: podCount, of: "pods"),
                                 reason: try nonEmpty(pod.reason, "reason"), details: pod.details,
                                 preemptionCandidates: try pods("preemptionCandidates", pod.preemptionCandidates))
            },
            cost: try decodeField("cost", proto.cost, CostSummary.init(proto:)),
            timings: try durations(proto.timings, "timings"),
            warnings: proto.warnings,
            strategy: try decodeEnum(proto.strategy, "strategy"))
    }

    /// The plan as its protobuf message; `Plan(proto: plan.proto) == plan`.
    public var proto: Nodeplan_V1_Plan {
        var message = Nodeplan_V1_Plan()
        message.launches = launches.map(\.proto)
        message.assignments = assignments.map { assignment in
            var element = Nodeplan_V1_NodeAssignment()
            element.node = assignment.node
            element.pods = assignment.pods.map(wireIndex)
            return element
        }
        message.terminations = terminations.map(\.proto)
        message.unschedulable = unschedulable.map { pod in
            var element = Nodeplan_V1_UnschedulablePod()
            element.pod = wireIndex(pod.pod)
            element.reason = pod.reason
            element.details = pod.details
            element.preemptionCandidates = pod.preemptionCandidates.map(wireIndex)
            return element
        }
        message.cost = cost.proto
        message.timings = timings
        message.warnings = warnings
        message.strategy = strategy.proto
        return message
    }
}

extension NodeLaunch {
    init(proto: Nodeplan_V1_NodeLaunch,
         pods: (String, [UInt32]) throws(ProtoDecodingError) -> [Int32]) throws(ProtoDecodingError) {
        try requirePresent(proto.hasChoice, "choice")
        self.init(name: try nonEmpty(proto.name, "name"),
                  nodePool: try nonEmpty(proto.nodePool, "nodePool"),
                  choice: try decodeField("choice", proto.choice, LaunchOption.init(proto:)),
                  fallbacks: try decodingEach("fallbacks", proto.fallbacks, LaunchOption.init(proto:)),
                  requirements: try decodeRequirements("requirements", proto.requirements),
                  labels: try stringMap(proto.labels, "labels"),
                  taints: try decodeTaints("taints", proto.taints),
                  startupTaints: try decodeTaints("startupTaints", proto.startupTaints),
                  pods: try pods("pods", proto.pods),
                  requests: try decodeField("requests", proto.requests, ResourceList.init(proto:)),
                  minValuesRelaxed: proto.minValuesRelaxed)
    }

    var proto: Nodeplan_V1_NodeLaunch {
        var message = Nodeplan_V1_NodeLaunch()
        message.name = name
        message.nodePool = nodePool
        message.choice = choice.proto
        message.fallbacks = fallbacks.map(\.proto)
        message.requirements = requirements.map(\.proto)
        message.labels = labels
        message.taints = taints.map(\.proto)
        message.startupTaints = startupTaints.map(\.proto)
        message.pods = pods.map(wireIndex)
        message.requests = requests.proto
        message.minValuesRelaxed = minValuesRelaxed
        return message
    }
}

extension LaunchOption {
    init(proto: Nodeplan_V1_LaunchOption) throws(ProtoDecodingError) {
        self.init(instanceType: try nonEmpty(proto.instanceType, "instanceType"), zone: try nonEmpty(proto.zone, "zone"),
                  capacityType: try decodeEnum(proto.capacityType, "capacityType"), price: try finite(proto.price, "price"))
    }

    var proto: Nodeplan_V1_LaunchOption {
        var message = Nodeplan_V1_LaunchOption()
        message.instanceType = instanceType
        message.zone = zone
        message.capacityType = capacityType.proto
        message.price = price
        return message
    }
}

extension NodeTermination {
    init(proto: Nodeplan_V1_NodeTermination,
         pods: (String, [UInt32]) throws(ProtoDecodingError) -> [Int32]) throws(ProtoDecodingError) {
        self.init(node: try nonEmpty(proto.node, "node"), reason: try decodeEnum(proto.reason, "reason"),
                  waitFor: try decodingEach("waitFor", proto.waitFor) { (name) throws(ProtoDecodingError) in
                      try nonEmpty(name, "")
                  },
                  evictedPods: try pods("evictedPods", proto.evictedPods),
                  batch: try within(proto.batch, 0...Int32.max, "batch"),
                  savingsPerHour: try finite(proto.savingsPerHour, "savingsPerHour", allowNegative: true),
                  disruptionCost: try finite(proto.disruptionCost, "disruptionCost"))
    }

    var proto: Nodeplan_V1_NodeTermination {
        var message = Nodeplan_V1_NodeTermination()
        message.node = node
        message.reason = reason.proto
        message.waitFor = waitFor
        message.evictedPods = evictedPods.map(wireIndex)
        message.batch = batch
        message.savingsPerHour = savingsPerHour
        message.disruptionCost = disruptionCost
        return message
    }
}

extension CostSummary {
    init(proto: Nodeplan_V1_CostSummary) throws(ProtoDecodingError) {
        self.init(before: try finite(proto.before, "before"), after: try finite(proto.after, "after"),
                  lowerBound: try finite(proto.lowerBound, "lowerBound"))
    }

    var proto: Nodeplan_V1_CostSummary {
        var message = Nodeplan_V1_CostSummary()
        message.before = before
        message.after = after
        message.lowerBound = lowerBound
        return message
    }
}

/// Named durations: finite and not negative.
private func durations(_ map: [String: Double], _ field: String) throws(ProtoDecodingError) -> [String: Double] {
    for (name, duration) in map { _ = try finite(duration, "\(field)[\(name)]") }
    return map
}
