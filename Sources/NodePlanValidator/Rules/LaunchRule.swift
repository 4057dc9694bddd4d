import NodePlanModel

/// Each launch buys something that exists: its NodePool is known and dynamic, the instance type is
/// offered to that pool, the (zone, capacity type) offering exists, is available and costs the
/// stated price, and the requirements of pool, instance type, offering and launch share a value
/// for every key; custom keys the launch requires are defined by the pool or the instance type.
/// Each fallback must pass the same checks, hold the launch's pods (resources, labels, taints)
/// and keep them in the same topology domains. Keys with `minValues` keep that many distinct
/// values across the choice and its fallbacks, unless relaxed under the BestEffort policy.
enum LaunchRule {
    static func violations(in cluster: FinalCluster) -> [PlanViolation] {
        var violations: [PlanViolation] = []
        for (index, launch) in cluster.plan.launches.enumerated() {
            func violation(_ rule: PlanRule, _ message: String) {
                violations.append(PlanViolation(rule: rule, node: launch.name, message: message))
            }
            guard let pool = cluster.pools[launch.nodePool] else {
                violation(.unknownNodePool, "NodePool \(launch.nodePool) is not in the snapshot")
                continue
            }
            if pool.replicas != nil {
                violation(.staticNodePool, "NodePool \(pool.name) is static (replicas); it is never provisioned")
            }
            for problem in problems(of: launch.choice, launch: launch, pool: pool, catalog: cluster.catalog) {
                violation(problem.rule, problem.message)
            }
            if let message = minValuesShortfall(launch, pool: pool, cluster: cluster) { violation(.minValuesUnmet, message) }
            guard let node = cluster.launchNodes[index].map({ cluster.nodes[$0] }) else { continue }
            for (rank, fallback) in launch.fallbacks.enumerated() {
                var messages = problems(of: fallback, launch: launch, pool: pool, catalog: cluster.catalog).map(\.message)
                if messages.isEmpty, let type = cluster.catalog.instanceType(named: fallback.instanceType, pool: pool.name) {
                    messages = misfits(of: fallback, type: type, on: node, launch: launch, pool: pool, cluster: cluster)
                }
                for message in messages {
                    violation(.invalidFallback, "fallback \(rank + 1) (\(describe(fallback))): \(message)")
                }
            }
        }
        return violations
    }

    struct Problem {
        var rule: PlanRule
        var message: String
    }

    /// What is wrong with buying `option` for `launch` in `pool`, independent of the pods.
    static func problems(of option: LaunchOption, launch: NodeLaunch, pool: NodePool,
                         catalog: InstanceTypeCatalog) -> [Problem] {
        guard let type = catalog.instanceType(named: option.instanceType, pool: pool.name) else {
            return [Problem(rule: .unknownInstanceType,
                            message: "instance type \(option.instanceType) is not offered to NodePool \(pool.name)")]
        }
        var problems: [Problem] = []
        if let offering = type.offerings.first(where: { $0.zone == option.zone && $0.capacityType == option.capacityType }) {
            if !offering.available {
                problems.append(Problem(rule: .unavailableOffering, message: "offering \(describe(option)) is unavailable"))
            }
            if abs(offering.price - option.price) > 1e-9 * max(1, abs(offering.price)) {
                let message = "price \(option.price) but offering \(describe(option)) costs \(offering.price)"
                problems.append(Problem(rule: .priceMismatch, message: message))
            }
        } else {
            let message = "\(type.name) has no \(option.capacityType.rawValue) offering in zone \(option.zone)"
            problems.append(Problem(rule: .unknownOffering, message: message))
        }
        let offeringRequirements: [NodeSelectorRequirement] = [
            .in(WellKnownLabel.instanceType, option.instanceType), .in(WellKnownLabel.zone, option.zone),
            .in(WellKnownLabel.capacityType, option.capacityType.rawValue),
        ]
        let identity: [NodeSelectorRequirement] = [
            .in(WellKnownLabel.hostname, launch.name), .in(WellKnownLabel.nodePool, pool.name),
        ]
        let sources: [(String, [NodeSelectorRequirement])] = [
            ("launch identity", identity), ("pool", pool.requirements),
            ("pool labels", pool.labels.sorted { $0.key < $1.key }.map { .in($0.key, $0.value) }),
            ("instance type", type.requirements), ("offering", offeringRequirements), ("launch", launch.requirements),
            ("launch labels", launch.labels.sorted { $0.key < $1.key }.map { .in($0.key, $0.value) }),
        ]
        var domains: [String: LabelDomain] = [:]
        for (_, requirements) in sources {
            for requirement in requirements {
                domains[normalized(requirement.key), default: LabelDomain()].constrain(requirement)
            }
        }
        for key in domains.keys.sorted() where domains[key]!.isEmpty {
            let detail = sources.compactMap { source, requirements -> String? in
                let onKey = requirements.filter { normalized($0.key) == key }
                return onKey.isEmpty ? nil : "\(source) \(onKey.map(\.readable).joined(separator: " && "))"
            }
            problems.append(Problem(rule: .incompatibleRequirements,
                                    message: "no value of \(key) satisfies \(detail.joined(separator: "; "))"))
        }
        let defined = Set((pool.requirements + type.requirements).map { normalized($0.key) } + pool.labels.keys.map(normalized))
        let launchKeys = launch.requirements.filter { $0.operator != .notIn && $0.operator != .doesNotExist }.map(\.key)
            + launch.labels.keys
        for key in Set(launchKeys.map(normalized)).sorted() where !defined.contains(key) && !WellKnownLabel.isWellKnown(key) {
            let message = "the launch requires custom label \(key), which neither the pool nor \(type.name) defines"
            problems.append(Problem(rule: .incompatibleRequirements, message: message))
        }
        return problems
    }

    /// Why the choice and fallbacks together offer too few distinct values for a `minValues` key.
    private static func minValuesShortfall(_ launch: NodeLaunch, pool: NodePool, cluster: FinalCluster) -> String? {
        if launch.minValuesRelaxed && cluster.snapshot.options.minValuesPolicy == .bestEffort { return nil }
        let options = [launch.choice] + launch.fallbacks
        var shortfalls: [String] = []
        for requirement in pool.requirements + launch.requirements {
            guard let minimum = requirement.minValues else { continue }
            let key = normalized(requirement.key)
            var values: Set<String> = []
            for option in options {
                guard let type = cluster.catalog.instanceType(named: option.instanceType, pool: pool.name) else { continue }
                switch key {
                case WellKnownLabel.instanceType: values.insert(option.instanceType)
                case WellKnownLabel.zone: values.insert(option.zone)
                case WellKnownLabel.capacityType: values.insert(option.capacityType.rawValue)
                default:
                    for typeRequirement in type.requirements
                    where normalized(typeRequirement.key) == key && typeRequirement.operator == .in {
                        values.formUnion(typeRequirement.values.filter { requirement.isSatisfied(by: NodeLabels([key: $0])) })
                    }
                }
            }
            if values.count < minimum {
                shortfalls.append("\(key) needs \(minimum) distinct values across the choice and fallbacks, has \(values.count)")
            }
        }
        return shortfalls.isEmpty ? nil : shortfalls.joined(separator: "; ")
    }

    /// Why the launch's pods could not all run on `fallback` instead of the choice.
    private static func misfits(of fallback: LaunchOption, type: InstanceType, on node: FinalNode, launch: NodeLaunch,
                                pool: NodePool, cluster: FinalCluster) -> [String] {
        let labels = NodeLabels(launch: launch, option: fallback, pool: pool, instanceType: type)
        var messages: [String] = []
        let daemonSets = cluster.snapshot.daemonSets.filter { $0.runs(on: labels, taints: node.taints) }
        if let overflow = CapacityRule.overflow(of: cluster.requests(of: node.newPods), daemonSets: daemonSets,
                                                allocatable: type.allocatable) {
            messages.append("too small: \(overflow)")
        }
        var topologyKeys: Set<String> = []
        for pod in node.newPods {
            let spec = cluster.spec(pod)
            for failure in spec.nodeSelectionFailures(labels: labels, taints: node.taints) {
                messages.append("pod \(cluster.podName(pod)): \(failure.message)")
            }
            topologyKeys.formUnion(spec.hardTopologyKeys)
        }
        for key in topologyKeys.sorted() where labels[key] != node.labels[key] {
            messages.append("moves its pods from \(key)=\(node.labels[key] ?? "<none>") to \(key)=\(labels[key] ?? "<none>")")
        }
        return messages
    }

    private static func normalized(_ key: String) -> String { WellKnownLabel.normalized[key] ?? key }

    private static func describe(_ option: LaunchOption) -> String {
        "\(option.instanceType) \(option.zone) \(option.capacityType.rawValue)"
    }
}

extension PodSpec {
    /// Topology keys of the pod's hard spread, affinity and anti-affinity constraints.
    var hardTopologyKeys: [String] {
        topologySpreadConstraints.filter { $0.whenUnsatisfiable == .doNotSchedule }.map(\.topologyKey)
            + (affinity.podAffinity?.required ?? []).map(\.topologyKey)
            + (affinity.podAntiAffinity?.required ?? []).map(\.topologyKey)
    }
}
