import NodePlanModel

/// Small random snapshots that exercise every scheduling feature at once, for property tests
/// ("solve thousands of snapshots; the validator finds nothing"): weighted, tainted and limited
/// NodePools with Gt/Lt/Gte and custom-key requirements, a handful of instance types with some
/// offerings unavailable, existing nodes (some half full, some uninitialized, some being deleted),
/// DaemonSets, and pods mixing node selectors, required and preferred node affinity, tolerations,
/// zonal and hostname spread (both `whenUnsatisfiable`), pod affinity and anti-affinity, host
/// ports, priorities and volume topology.
///
/// The same `pods` and `seed` always give the same snapshot.
public enum FeatureMix {
    public static let zones = ["mix-zone-1", "mix-zone-2", "mix-zone-3"]
    /// Custom instance-type labels pools and pods constrain with numeric operators.
    public static let cpuLabel = "example.com/cpu"
    public static let generationLabel = "example.com/generation"
    public static let gpuLabel = "example.com/gpu"
    public static let batchTaint = Taint(key: "example.com/workload", value: "batch", effect: .noSchedule)
    public static let teamTaint = Taint(key: "example.com/team", value: "blue", effect: .noSchedule)
    public static let gpuTaint = Taint(key: ResourceName.nvidiaGPU, effect: .noSchedule)
    public static let agentStartupTaint = Taint(key: "example.com/agent-not-ready", effect: .noSchedule)

    /// A snapshot with about `pods` pending pods (plus the pods running on existing nodes).
    public static func snapshot(pods: Int, seed: UInt64) -> Snapshot {
        precondition(pods >= 0, "pods must not be negative (got \(pods))")
        var random = SplitMix64(seed: seed)
        let types = instanceTypes(&random)
        var snapshot = Snapshot(cluster: Cluster(name: "feature-mix-\(seed)", region: "mix"), instanceTypes: types,
                                nodePools: nodePools(&random), daemonSets: daemonSets(&random),
                                namespaces: [Namespace(name: "default", labels: ["tier": "core"]),
                                             Namespace(name: "shop", labels: ["tier": "core"]),
                                             Namespace(name: "batch", labels: ["tier": "jobs"])])
        snapshot.priorityClasses = [PriorityClass(name: "high", value: 1000)]
        var interner = PodInterner(snapshot)
        addExistingNodes(count: random.below(pods / 6 + 2), types: types, to: &interner, random: &random)
        addPendingPods(pods, to: &interner, random: &random)
        return interner.snapshot
    }

    // MARK: Instance types and pools

    private struct TypeShape {
        var name: String
        var cpu: Int64
        var memoryGi: Int64
        var pods: Int64
        var arch: String
        var gpus: Int64
    }

    private static let shapes = [
        TypeShape(name: "mix-m-2", cpu: 2, memoryGi: 8, pods: 30, arch: "amd64", gpus: 0),
        TypeShape(name: "mix-m-4", cpu: 4, memoryGi: 16, pods: 60, arch: "amd64", gpus: 0),
        TypeShape(name: "mix-m-8", cpu: 8, memoryGi: 32, pods: 110, arch: "amd64", gpus: 0),
        TypeShape(name: "mix-c-16", cpu: 16, memoryGi: 32, pods: 110, arch: "amd64", gpus: 0),
        TypeShape(name: "mix-a-4", cpu: 4, memoryGi: 16, pods: 60, arch: "arm64", gpus: 0),
        TypeShape(name: "mix-g-8", cpu: 8, memoryGi: 64, pods: 60, arch: "amd64", gpus: 1),
    ]

    private static func instanceTypes(_ random: inout SplitMix64) -> [InstanceType] {
        shapes.map { shape in
            let onDemand = Double(shape.cpu) * 0.04 + Double(shape.memoryGi) * 0.005 + Double(shape.gpus) * 0.9
            var offerings: [Offering] = []
            for zone in zones {
                offerings.append(Offering(zone: zone, capacityType: .onDemand, price: onDemand,
                                          available: !random.chance(0.15)))
                offerings.append(Offering(zone: zone, capacityType: .spot, price: (onDemand * 0.35 * 1000).rounded() / 1000,
                                          available: !random.chance(0.15)))
            }
            if !offerings.contains(where: \.available) { offerings[0].available = true }
            var capacity = ResourceList(cpu: .units(shape.cpu), memory: .gibibytes(shape.memoryGi), pods: .units(shape.pods))
            capacity[ResourceName.ephemeralStorage] = .gibibytes(100)
            var requirements: [NodeSelectorRequirement] = [
                .in(WellKnownLabel.instanceType, shape.name), .in(WellKnownLabel.arch, shape.arch),
                .in(WellKnownLabel.os, "linux"), .in(cpuLabel, "\(shape.cpu)"),
                .in(generationLabel, "\(random.integer(in: 3...5))"),
            ]
            if shape.gpus > 0 {
                capacity[ResourceName.nvidiaGPU] = .units(shape.gpus)
                requirements.append(.in(gpuLabel, "true"))
            }
            return InstanceType(name: shape.name, capacity: capacity,
                                overhead: ResourceList(cpu: .millis(80 * shape.cpu), memory: .mebibytes(512)),
                                requirements: requirements, offerings: offerings)
        }
    }

    private static func nodePools(_ random: inout SplitMix64) -> [NodePool] {
        var general = NodePool(name: "general", weight: 10, requirements: [
            NodeSelectorRequirement(key: WellKnownLabel.capacityType, operator: .in, values: ["spot", "on-demand"]),
            NodeSelectorRequirement(key: cpuLabel, operator: .lt, values: ["20"]),
        ])
        if random.chance(0.3) { general.limits = [ResourceName.cpu: .units(Int64(random.integer(in: 16...96)))] }
        var pools = [general]
        if random.chance(0.7) {
            pools.append(NodePool(name: "batch", weight: 50, taints: [batchTaint], requirements: [
                .in(WellKnownLabel.capacityType, "spot"),
                NodeSelectorRequirement(key: generationLabel, operator: .gte, values: ["4"]),
            ]))
        }
        if random.chance(0.7) {
            pools.append(NodePool(name: "team", labels: ["team": "blue"], taints: [teamTaint], startupTaints: [agentStartupTaint],
                                  requirements: [NodeSelectorRequirement(key: WellKnownLabel.zone, operator: .in,
                                                                         values: Array(zones.prefix(2))),
                                                 NodeSelectorRequirement(key: cpuLabel, operator: .gt, values: ["2"])]))
        }
        if random.chance(0.6) {
            pools.append(NodePool(name: "gpu", weight: 5, taints: [gpuTaint], requirements: [.in(gpuLabel, "true")],
                                  limits: [ResourceName.nodes: .units(Int64(random.integer(in: 1...3)))]))
        }
        return pools
    }

    private static func daemonSets(_ random: inout SplitMix64) -> [DaemonSet] {
        var logs = PodSpec(
            namespace: "kube-system", labels: ["app": "logs"], owner: OwnerReference(kind: "DaemonSet", name: "logs"),
            tolerations: [Toleration(operator: .exists)],
            containers: [Container(name: "logs", requests: ResourceList(cpu: .millis(50), memory: .mebibytes(64)))])
        if random.chance(0.5) { logs.containers[0].hostPorts = [HostPort(port: 9100)] }
        var sets = [DaemonSet(name: "logs", template: logs)]
        if random.chance(0.5) {
            sets.append(DaemonSet(name: "gpu-plugin", template: PodSpec(
                namespace: "kube-system", labels: ["app": "gpu-plugin"],
                owner: OwnerReference(kind: "DaemonSet", name: "gpu-plugin"),
                nodeSelector: [gpuLabel: "true"], tolerations: [Toleration(operator: .exists)],
                containers: [Container(name: "plugin", requests: ResourceList(cpu: .millis(100), memory: .mebibytes(128)))])))
        }
        return sets
    }

    // MARK: Existing nodes

    private static func addExistingNodes(count: Int, types: [InstanceType], to interner: inout PodInterner,
                                         random: inout SplitMix64) {
        let pools = interner.snapshot.nodePools.map(\.name).filter { $0 == "general" || $0 == "team" }
        for ordinal in 0..<count {
            let pool = random.pick(pools)
            let type = random.pick(types.filter { $0.capacity[ResourceName.nvidiaGPU].isZero })
            let offering = random.pick(type.offerings)
            let name = "existing-\(ordinal)"
            var labels = [WellKnownLabel.hostname: name, WellKnownLabel.zone: offering.zone,
                          WellKnownLabel.capacityType: offering.capacityType.rawValue, WellKnownLabel.nodePool: pool]
            for requirement in type.requirements { labels[requirement.key] = requirement.values[0] }
            var node = Node(name: name, labels: labels, capacity: type.capacity, allocatable: type.allocatable, nodePool: pool,
                            instanceType: type.name, price: offering.price, createdAt: 0,
                            volumeLimits: ["disk.csi.azure.com": random.integer(in: 1...8)])
            if pool == "team" {
                node.labels["team"] = "blue"
                node.taints = [teamTaint]
            }
            if random.chance(0.2) {
                node.initialized = false
                node.startupTaints = [agentStartupTaint]
                node.taints += [agentStartupTaint, Taint(key: "node.kubernetes.io/not-ready", effect: .noSchedule)]
            }
            node.markedForDeletion = random.chance(0.08)
            interner.snapshot.nodes.append(node)

            // Fill to between 0 and 60% of CPU with small pods, plus the logs DaemonSet pod.
            let budget = type.allocatable[ResourceName.cpu].milli * Int64(random.integer(in: 0...6)) / 10
            var used: Int64 = 0
            while true {
                let cpu = Int64(random.pick([100, 250, 500]))
                guard used + cpu <= budget else { break }
                used += cpu
                let requests = ResourceList(cpu: .millis(cpu), memory: .mebibytes(256))
                var spec = PodSpec(labels: ["app": "resident-\(cpu)"], containers: [Container(name: "app", requests: requests)])
                if pool == "team" { spec.tolerations = [Toleration(key: teamTaint.key, operator: .exists)] }
                interner.add(spec, prefix: "resident", nodeName: name)
            }
            if let logs = interner.snapshot.daemonSets.first, random.chance(0.7) {
                interner.add(logs.template, prefix: "logs", nodeName: name)
            }
        }
    }

    // MARK: Pending pods

    private static let cpuChoices: [Int64] = [100, 250, 500, 1000, 1500]
    private static let memoryChoices: [Int64] = [128, 256, 512, 1024, 2048]

    private static func addPendingPods(_ count: Int, to interner: inout PodInterner, random: inout SplitMix64) {
        let pools = Set(interner.snapshot.nodePools.map(\.name))
        var group = 0
        var remaining = count
        while remaining > 0 {
            let replicas = min(remaining, random.integer(in: 1...6))
            let spec = workload(group, replicas: replicas, pools: pools, random: &random)
            interner.add(spec, count: replicas, prefix: "app-\(group)", createdAt: Double(group))
            remaining -= replicas
            group += 1
        }
    }

    private static func workload(_ group: Int, replicas: Int, pools: Set<String>, random: inout SplitMix64) -> PodSpec {
        let app = "app-\(group)"
        let selfSelector = LabelSelector(matchLabels: ["app": app])
        var spec = PodSpec(namespace: random.pick(["default", "default", "shop", "batch"]), labels: ["app": app],
                           containers: [Container(name: "main", requests: ResourceList(
                               cpu: .millis(random.pick(cpuChoices)), memory: .mebibytes(random.pick(memoryChoices))))])
        spec.priority = Int32(random.pick([0, 0, 100, 1000]))
        if spec.priority == 1000 { spec.priorityClassName = "high" }

        if pools.contains("batch") && random.chance(0.15) {
            spec.tolerations.append(Toleration(key: batchTaint.key, operator: .equal, value: "batch", effect: .noSchedule))
        }
        if pools.contains("team") && random.chance(0.15) {
            spec.nodeSelector["team"] = "blue"
            spec.tolerations.append(Toleration(key: teamTaint.key, operator: .exists))
        } else if pools.contains("gpu") && random.chance(0.1) {
            spec.containers[0].requests[ResourceName.nvidiaGPU] = .units(1)
            spec.tolerations.append(Toleration(key: gpuTaint.key, operator: .exists, effect: .noSchedule))
        } else if random.chance(0.05) {
            spec.nodeSelector[WellKnownLabel.arch] = "arm64"
        }
        var nodeAffinity = NodeAffinity()
        if random.chance(0.2) {
            nodeAffinity.required = [
                NodeSelectorTerm([NodeSelectorRequirement(key: cpuLabel, operator: .gt, values: ["3"])]),
                NodeSelectorTerm([.in(WellKnownLabel.zone, random.pick(zones))]),
            ]
        } else if random.chance(0.1) {
            nodeAffinity.required = [NodeSelectorTerm([
                NodeSelectorRequirement(key: WellKnownLabel.zone, operator: .notIn, values: [random.pick(zones)]),
                NodeSelectorRequirement(key: generationLabel, operator: .lte, values: ["4"]),
            ])]
        }
        if random.chance(0.2) {
            let weight = Int32(random.integer(in: 1...100))
            nodeAffinity.preferred = [PreferredSchedulingTerm(
                weight: weight, preference: NodeSelectorTerm([.in(WellKnownLabel.zone, random.pick(zones))]))]
        }
        if nodeAffinity.required != nil || !nodeAffinity.preferred.isEmpty { spec.affinity.nodeAffinity = nodeAffinity }

        if random.chance(0.25) {
            spec.topologySpreadConstraints.append(TopologySpreadConstraint(
                maxSkew: Int32(random.integer(in: 1...2)), topologyKey: WellKnownLabel.zone,
                whenUnsatisfiable: random.chance(0.5) ? .doNotSchedule : .scheduleAnyway, labelSelector: selfSelector))
        }
        if random.chance(0.15) {
            spec.topologySpreadConstraints.append(TopologySpreadConstraint(
                maxSkew: 1, topologyKey: WellKnownLabel.hostname,
                whenUnsatisfiable: random.chance(0.5) ? .doNotSchedule : .scheduleAnyway, labelSelector: selfSelector))
        }
        var antiAffinity = PodAffinityRules()
        if replicas <= 4 && random.chance(0.1) {
            antiAffinity.required = [PodAffinityTerm(labelSelector: selfSelector, topologyKey: WellKnownLabel.hostname)]
        }
        if random.chance(0.1) {
            antiAffinity.preferred = [WeightedPodAffinityTerm(
                weight: 10, term: PodAffinityTerm(labelSelector: selfSelector, topologyKey: WellKnownLabel.zone))]
        }
        if !antiAffinity.isEmpty { spec.affinity.podAntiAffinity = antiAffinity }
        if random.chance(0.1) {
            spec.affinity.podAffinity = PodAffinityRules(required: [
                PodAffinityTerm(labelSelector: selfSelector, topologyKey: WellKnownLabel.zone),
            ])
        } else if group > 0 && random.chance(0.05) {
            let partner = LabelSelector(matchLabels: ["app": "app-\(random.below(group))"])
            spec.affinity.podAffinity = PodAffinityRules(required: [
                PodAffinityTerm(labelSelector: partner, namespaceSelector: LabelSelector(), topologyKey: WellKnownLabel.zone),
            ])
        }
        if random.chance(0.05) { spec.containers[0].hostPorts = [HostPort(port: Int32(8000 + group))] }
        if random.chance(0.1) {
            spec.volumes.topologyAlternatives = [[.in(WellKnownLabel.zone, random.pick(zones))]]
            spec.volumes.attachments = ["disk.csi.azure.com": 1]
        }
        return spec
    }
}
