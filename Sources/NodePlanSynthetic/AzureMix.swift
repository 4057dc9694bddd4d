import NodePlanModel

/// Realistic AKS clusters: web deployments spread over zones, team services on tainted team pools,
/// spot-tolerant batch jobs, GPU jobs, a few stateful sets with zonal disks, the usual AKS
/// DaemonSets, and existing half-empty nodes. Instance types come from the built-in catalog
/// (`Snapshot.catalog`), not from the snapshot.
///
/// Pods are interned by workload: each workload is one `PodSpec`, so even 100,000 pods share a few
/// hundred specs. The same arguments always give the same snapshot.
public enum AzureMix {
    public static let teams = ["payments", "search", "ml"]
    public static let spotTaint = Taint(key: WellKnownLabel.aksScaleSetPriority, value: "spot", effect: .noSchedule)
    public static let gpuTaint = Taint(key: ResourceName.nvidiaGPU, value: "true", effect: .noSchedule)
    /// At most this many workloads (and so pending pod specs), whatever the size.
    public static let maximumWorkloads = 300

    /// A cluster in `region` with exactly `pods` pending pods, plus the pods already running on
    /// its existing nodes.
    public static func snapshot(pods: Int, seed: UInt64, region: String = "eastus") -> Snapshot {
        precondition(pods >= 0, "pods must not be negative (got \(pods))")
        precondition(!region.isEmpty, "region must name an Azure region (got an empty string)")
        var random = SplitMix64(seed: seed)
        let zones = (1...3).map { "\(region)-\($0)" }
        var snapshot = Snapshot(
            cluster: Cluster(name: "aks-mix-\(seed)", region: region, networkPlugin: .azureOverlay),
            catalog: CatalogSelection(region: region), nodePools: nodePools(scale: pods),
            nodeClasses: [AKSNodeClass(name: "default"), AKSNodeClass(name: "gpu", gpuMode: .driver)],
            daemonSets: daemonSets(),
            namespaces: (["default", "batch"] + teams).map { Namespace(name: $0, labels: ["kubernetes.io/metadata.name": $0]) })
        snapshot.priorityClasses = [PriorityClass(name: "critical", value: 100_000), PriorityClass(name: "batch-low", value: -10)]
        var interner = PodInterner(snapshot)
        let workloads = plannedWorkloads(pods: pods, zones: zones, random: &random)
        addExistingNodes(count: pods < 50 ? 0 : min(1500, pods / 80), zones: zones, workloads: workloads,
                         to: &interner, random: &random)
        for workload in workloads where workload.replicas > 0 {
            interner.add(workload.spec, count: workload.replicas, prefix: workload.name, createdAt: 1000)
        }
        return interner.snapshot
    }

    // MARK: Pools and DaemonSets

    private static func nodePools(scale pods: Int) -> [NodePool] {
        let onDemand = NodeSelectorRequirement.in(WellKnownLabel.capacityType, "on-demand")
        let generalFamilies = NodeSelectorRequirement(key: WellKnownLabel.azureSKUFamily, operator: .in, values: ["D", "E"])
        var pools = [
            NodePool(name: "general", weight: 10, requirements: [
                onDemand, generalFamilies, .in(WellKnownLabel.arch, "amd64"),
                NodeSelectorRequirement(key: WellKnownLabel.azureSKUCPU, operator: .lt, values: ["33"]),
            ]),
            NodePool(name: "spot", weight: 20, taints: [spotTaint], requirements: [
                .in(WellKnownLabel.capacityType, "spot"),
                NodeSelectorRequirement(key: WellKnownLabel.azureSKUFamily, operator: .in, values: ["D", "F"]),
                NodeSelectorRequirement(key: WellKnownLabel.azureSKUCPU, operator: .gte, values: ["4"]),
            ]),
            NodePool(name: "gpu", weight: 30, taints: [gpuTaint],
                     requirements: [onDemand, .in(WellKnownLabel.azureSKUGPUManufacturer, "nvidia")], nodeClass: "gpu",
                     limits: [ResourceName.nodes: .units(Int64(max(2, pods / 500)))]),
        ]
        for team in teams {
            pools.append(NodePool(name: "team-\(team)", weight: 40, labels: ["team": team],
                                  taints: [Taint(key: "team", value: team, effect: .noSchedule)],
                                  requirements: [onDemand, generalFamilies],
                                  limits: [ResourceName.cpu: .units(Int64(max(64, pods / 4)))]))
        }
        return pools
    }

    private static func daemonSets() -> [DaemonSet] {
        func daemon(_ name: String, cpu: Int64, memoryMi: Int64, nodeSelector: [String: String] = [:]) -> DaemonSet {
            DaemonSet(name: name, template: PodSpec(
                namespace: "kube-system", labels: ["k8s-app": name], owner: OwnerReference(kind: "DaemonSet", name: name),
                nodeSelector: nodeSelector, tolerations: [Toleration(operator: .exists)], priority: 2_000_001_000,
                priorityClassName: "system-node-critical",
                containers: [Container(name: name, requests: ResourceList(cpu: .millis(cpu), memory: .mebibytes(memoryMi)))]))
        }
        return [
            daemon("kube-proxy", cpu: 100, memoryMi: 128),
            daemon("azure-cns", cpu: 40, memoryMi: 250),
            daemon("ama-logs", cpu: 70, memoryMi: 325),
            daemon("nvidia-device-plugin", cpu: 50, memoryMi: 100,
                   nodeSelector: [WellKnownLabel.azureSKUGPUManufacturer: "nvidia"]),
        ]
    }

    // MARK: Workloads

    private enum Kind: CaseIterable {
        case web, teamService, batch, gpuJob, stateful
    }

    /// How often each kind is drawn (the first workload is always a web deployment).
    private static let kindMix: [Kind] = [.web, .web, .web, .teamService, .teamService, .batch, .batch, .gpuJob, .stateful]

    private struct Workload {
        var name: String
        var kind: Kind
        var team: String?
        var spec: PodSpec
        var replicas: Int
    }

    /// Workloads whose replicas add up to `pods`: capped kinds (stateful sets, GPU jobs) get a few
    /// replicas each, the rest share the remainder with a long tail, the first (a web deployment)
    /// absorbing rounding.
    private static func plannedWorkloads(pods: Int, zones: [String], random: inout SplitMix64) -> [Workload] {
        let count = min(maximumWorkloads, max(1, (pods + 49) / 50))
        var workloads: [Workload] = []
        for index in 0..<count {
            let kind: Kind = index == 0 ? .web : random.pick(kindMix)
            let team = kind == .teamService ? random.pick(teams) : nil
            let name = "\(String(describing: kind).lowercased())-\(index)"
            workloads.append(Workload(name: name, kind: kind, team: team,
                                      spec: spec(for: kind, name: name, team: team, zones: zones, random: &random), replicas: 0))
        }
        var remaining = pods
        for index in workloads.indices where workloads[index].kind == .stateful || workloads[index].kind == .gpuJob {
            let wanted = workloads[index].kind == .stateful ? random.integer(in: 2...5) : random.integer(in: 1...8)
            workloads[index].replicas = min(wanted, remaining)
            remaining -= workloads[index].replicas
        }
        let open = workloads.indices.filter { workloads[$0].kind != .stateful && workloads[$0].kind != .gpuJob }
        let weights = open.indices.map { 1 / Double($0 + 1).squareRoot() }
        let total = weights.reduce(0, +)
        var handedOut = 0
        for (position, index) in open.enumerated() {
            let share = Int(Double(remaining) * weights[position] / total)
            workloads[index].replicas = share
            handedOut += share
        }
        workloads[0].replicas += remaining - handedOut
        return workloads
    }

    private static func spec(for kind: Kind, name: String, team: String?, zones: [String],
                             random: inout SplitMix64) -> PodSpec {
        let labels = ["app": name]
        let selfSelector = LabelSelector(matchLabels: labels)
        func requests(_ cpu: [Int64], _ memoryMi: [Int64]) -> ResourceList {
            ResourceList(cpu: .millis(random.pick(cpu)), memory: .mebibytes(random.pick(memoryMi)))
        }
        var spec = PodSpec(labels: labels, nodeSelector: [WellKnownLabel.os: "linux"])
        switch kind {
        case .web:
            spec.owner = OwnerReference(kind: "ReplicaSet", name: "\(name)-7d9f")
            let resources = requests([100, 250, 500, 1000, 2000], [256, 512, 1024, 2048, 4096])
            spec.containers = [Container(name: "web", requests: resources)]
            spec.topologySpreadConstraints = [TopologySpreadConstraint(
                maxSkew: 1, topologyKey: WellKnownLabel.zone,
                whenUnsatisfiable: random.chance(0.5) ? .doNotSchedule : .scheduleAnyway, labelSelector: selfSelector)]
            spec.affinity.podAntiAffinity = PodAffinityRules(preferred: [WeightedPodAffinityTerm(
                weight: 50, term: PodAffinityTerm(labelSelector: selfSelector, topologyKey: WellKnownLabel.hostname))])
            if random.chance(0.2) {
                spec.priority = 100_000
                spec.priorityClassName = "critical"
            }
        case .teamService:
            let team = team ?? teams[0]
            spec.namespace = team
            spec.owner = OwnerReference(kind: "ReplicaSet", name: "\(name)-5c8b")
            spec.nodeSelector["team"] = team
            spec.tolerations = [Toleration(key: "team", operator: .equal, value: team, effect: .noSchedule)]
            spec.containers = [Container(name: "service", requests: requests([250, 500, 1000], [512, 1024, 2048]))]
            spec.topologySpreadConstraints = [TopologySpreadConstraint(
                maxSkew: 1, topologyKey: WellKnownLabel.zone, labelSelector: selfSelector)]
        case .batch:
            spec.namespace = "batch"
            spec.owner = OwnerReference(kind: "Job", name: name)
            spec.tolerations = [Toleration(key: spotTaint.key, operator: .equal, value: "spot", effect: .noSchedule)]
            spec.affinity.nodeAffinity = NodeAffinity(preferred: [PreferredSchedulingTerm(
                weight: 100, preference: NodeSelectorTerm([.in(WellKnownLabel.capacityType, "spot")]))])
            spec.containers = [Container(name: "worker", requests: requests([1000, 2000, 4000], [2048, 4096, 8192]))]
            spec.priority = -10
            spec.priorityClassName = "batch-low"
            spec.preemptionPolicy = "Never"
        case .gpuJob:
            spec.namespace = "ml"
            spec.owner = OwnerReference(kind: "Job", name: name)
            spec.tolerations = [Toleration(key: gpuTaint.key, operator: .exists, effect: .noSchedule)]
            var resources = requests([4000, 8000], [16384, 32768])
            resources[ResourceName.nvidiaGPU] = .units(Int64(random.pick([1, 1, 2, 4])))
            let gpuLimit: ResourceList = [ResourceName.nvidiaGPU: resources[ResourceName.nvidiaGPU]]
            spec.containers = [Container(name: "trainer", requests: resources, limits: gpuLimit)]
        case .stateful:
            spec.owner = OwnerReference(kind: "StatefulSet", name: name)
            spec.containers = [Container(name: "db", requests: requests([500, 1000, 2000], [2048, 4096, 8192]))]
            spec.affinity.podAntiAffinity = PodAffinityRules(required: [
                PodAffinityTerm(labelSelector: selfSelector, topologyKey: WellKnownLabel.hostname),
            ])
            spec.volumes = VolumeRequirements(topologyAlternatives: [[.in(WellKnownLabel.zone, random.pick(zones))]],
                                              attachments: ["disk.csi.azure.com": 1])
        }
        return spec
    }

    // MARK: Existing nodes

    private struct ExistingSize {
        var sku: String
        var cpu: Int64
        var memoryGi: Int64
    }

    private static let existingSizes = [
        ExistingSize(sku: "Standard_D4s_v5", cpu: 4, memoryGi: 16), ExistingSize(sku: "Standard_D8s_v5", cpu: 8, memoryGi: 32),
        ExistingSize(sku: "Standard_D16s_v5", cpu: 16, memoryGi: 64), ExistingSize(sku: "Standard_E8s_v5", cpu: 8, memoryGi: 64),
    ]

    /// Nodes of the general and team pools, each running its DaemonSet pods and replicas of
    /// matching workloads up to 20–60% of its CPU.
    private static func addExistingNodes(count: Int, zones: [String], workloads: [Workload], to interner: inout PodInterner,
                                         random: inout SplitMix64) {
        let daemonSets = interner.snapshot.daemonSets.filter { $0.template.nodeSelector.isEmpty }
        for ordinal in 0..<count {
            let team: String? = random.chance(0.3) ? random.pick(teams) : nil
            let pool = team.map { "team-\($0)" } ?? "general"
            let size = random.pick(existingSizes)
            let name = "aks-\(pool)-\(ordinal)"
            let zone = random.pick(zones)
            var labels = [
                WellKnownLabel.hostname: name, WellKnownLabel.zone: zone, WellKnownLabel.region: interner.snapshot.cluster.region,
                WellKnownLabel.instanceType: size.sku, WellKnownLabel.arch: "amd64", WellKnownLabel.os: "linux",
                WellKnownLabel.capacityType: "on-demand", WellKnownLabel.nodePool: pool,
                WellKnownLabel.azureSKUName: size.sku, WellKnownLabel.azureSKUFamily: String(size.sku.dropFirst(9).prefix(1)),
                WellKnownLabel.azureSKUCPU: "\(size.cpu)", WellKnownLabel.azureSKUMemory: "\(size.memoryGi * 1024)",
            ]
            var taints: [Taint] = []
            if let team {
                labels["team"] = team
                taints = [Taint(key: "team", value: team, effect: .noSchedule)]
            }
            let capacity = ResourceList(cpu: .units(size.cpu), memory: .gibibytes(size.memoryGi), pods: .units(250))
            var allocatable = capacity
            allocatable[ResourceName.cpu] = .millis(size.cpu * 1000 - 60 - 20 * size.cpu)
            allocatable[ResourceName.memory] = .mebibytes(size.memoryGi * 1024 * 78 / 100)
            interner.snapshot.nodes.append(Node(
                name: name, labels: labels, taints: taints, capacity: capacity, allocatable: allocatable, nodePool: pool,
                instanceType: size.sku, createdAt: 0, volumeLimits: ["disk.csi.azure.com": Int(size.cpu) * 2]))
            for daemonSet in daemonSets { interner.add(daemonSet.template, prefix: daemonSet.name, nodeName: name) }

            let residents = workloads.filter { workload in
                team.map { workload.team == $0 } ?? (workload.kind == .web)
            }
            guard !residents.isEmpty else { continue }
            let budget = allocatable[ResourceName.cpu].milli * Int64(random.integer(in: 2...6)) / 10
            var used: Int64 = 0
            while true {
                let resident = random.pick(residents)
                let cpu = resident.spec.effectiveRequests[ResourceName.cpu].milli
                guard used + cpu <= budget else { break }
                used += cpu
                interner.add(resident.spec, prefix: resident.name, nodeName: name)
            }
        }
    }
}
