import NodePlanModel

/// A running AKS cluster that has shrunk since it was provisioned: every node is up and half empty
/// or less, no pod is pending. The input of the consolidation benchmark and of N→M tests.
///
/// Nodes of a general on-demand pool (D and E families) and a spot pool (D and F families) run one
/// DaemonSet pod each and an even share of the workload replicas, which leaves most of them between
/// a tenth and a half full. Workloads are web
/// deployments (some spread over zones, some under a PodDisruptionBudget), a few with
/// `karpenter.sh/do-not-disrupt`, and spot-tolerant workers. Instance types come from the built-in
/// catalog (`Snapshot.catalog`); node prices are left for the catalog to give. The same arguments
/// always give the same snapshot.
public enum ConsolidationMix {
    /// A cluster of `nodes` nodes running `pods` pods in all, one per node a DaemonSet pod.
    public static func snapshot(nodes: Int, pods: Int, seed: UInt64, region: String = "eastus") -> Snapshot {
        precondition(nodes > 0 && pods >= nodes, "need at least one node and one pod per node (got \(nodes), \(pods))")
        var random = SplitMix64(seed: seed)
        let zones = (1...3).map { "\(region)-\($0)" }
        let daemonSet = DaemonSet(name: "node-agent", template: PodSpec(
            namespace: "kube-system", labels: ["k8s-app": "node-agent"], owner: OwnerReference(kind: "DaemonSet", name: "node-agent"),
            tolerations: [Toleration(operator: .exists)], priority: 2_000_001_000,
            containers: [Container(name: "agent", requests: ResourceList(cpu: .millis(100), memory: .mebibytes(200)))]))
        let snapshot = Snapshot(
            cluster: Cluster(name: "consolidation-mix-\(seed)", region: region, now: 86_400),
            catalog: CatalogSelection(region: region), nodePools: [
                NodePool(name: "general", weight: 10, requirements: [
                    .in(WellKnownLabel.capacityType, "on-demand"),
                    NodeSelectorRequirement(key: WellKnownLabel.azureSKUFamily, operator: .in, values: ["D", "E"]),
                    NodeSelectorRequirement(key: WellKnownLabel.azureSKUCPU, operator: .lt, values: ["33"]),
                ]),
                NodePool(name: "spot", weight: 20, taints: [spotTaint], requirements: [
                    .in(WellKnownLabel.capacityType, "spot"),
                    NodeSelectorRequirement(key: WellKnownLabel.azureSKUFamily, operator: .in, values: ["D", "F"]),
                ]),
            ],
            nodeClasses: [AKSNodeClass(name: "default")], daemonSets: [daemonSet],
            podDisruptionBudgets: (0..<8).map { index in
                PodDisruptionBudget(name: "web-\(index)", namespace: "default",
                                    selector: LabelSelector(matchLabels: ["app": "web-\(index)"]), maxUnavailable: "20%")
            },
            namespaces: ["default", "batch"].map { Namespace(name: $0, labels: ["kubernetes.io/metadata.name": $0]) })
        var interner = PodInterner(snapshot)
        let web = (0..<40).map { webSpec(index: $0, zones: zones, random: &random) }
        let workers = (0..<10).map { workerSpec(index: $0, random: &random) }

        var workloadPods = pods - nodes
        for ordinal in 0..<nodes {
            let spot = random.chance(0.25)
            let size = random.pick(spot ? spotSizes : generalSizes)
            let pool = spot ? "spot" : "general"
            let name = "aks-\(pool)-\(ordinal)"
            let zone = zones[ordinal % zones.count]
            var labels = [
                WellKnownLabel.hostname: name, WellKnownLabel.zone: zone, WellKnownLabel.region: region,
                WellKnownLabel.instanceType: size.sku, WellKnownLabel.arch: "amd64", WellKnownLabel.os: "linux",
                WellKnownLabel.capacityType: spot ? "spot" : "on-demand", WellKnownLabel.nodePool: pool,
                WellKnownLabel.azureSKUName: size.sku, WellKnownLabel.azureSKUFamily: String(size.sku.dropFirst(9).prefix(1)),
                WellKnownLabel.azureSKUCPU: "\(size.cpu)", WellKnownLabel.azureSKUMemory: "\(size.memoryGi * 1024)",
            ]
            if spot { labels[WellKnownLabel.aksScaleSetPriority] = "spot" }
            let capacity = ResourceList(cpu: .units(size.cpu), memory: .gibibytes(size.memoryGi), pods: .units(250))
            var allocatable = capacity
            allocatable[ResourceName.cpu] = .millis(size.cpu * 1000 - 60 - 20 * size.cpu)
            allocatable[ResourceName.memory] = .mebibytes(size.memoryGi * 1024 * 78 / 100)
            interner.snapshot.nodes.append(Node(
                name: name, labels: labels, taints: spot ? [spotTaint] : [], capacity: capacity, allocatable: allocatable,
                nodePool: pool, instanceType: size.sku, createdAt: 0))
            interner.add(daemonSet.template, prefix: daemonSet.name, nodeName: name)

            // An even share of the remaining pods, as far as 85% of the CPU and memory hold them.
            let share = workloadPods / (nodes - ordinal)
            let room = [ResourceName.cpu, ResourceName.memory].map { allocatable[$0].milli * 85 / 100 }
            var used: [Int64] = [0, 0]
            var placed = 0
            while placed < share {
                let spec = spot ? random.pick(workers) : random.pick(web)
                let requests = [ResourceName.cpu, ResourceName.memory].map { spec.effectiveRequests[$0].milli }
                guard used[0] + requests[0] <= room[0], used[1] + requests[1] <= room[1] else { break }
                used = [used[0] + requests[0], used[1] + requests[1]]
                placed += 1
                interner.add(spec, prefix: spec.labels["app"]!, nodeName: name)
            }
            workloadPods -= placed
        }
        return interner.snapshot
    }

    public static let spotTaint = Taint(key: WellKnownLabel.aksScaleSetPriority, value: "spot", effect: .noSchedule)

    private struct Size {
        var sku: String
        var cpu: Int64
        var memoryGi: Int64
    }

    private static let generalSizes = [
        Size(sku: "Standard_D4s_v5", cpu: 4, memoryGi: 16), Size(sku: "Standard_D8s_v5", cpu: 8, memoryGi: 32),
        Size(sku: "Standard_D16s_v5", cpu: 16, memoryGi: 64), Size(sku: "Standard_E8s_v5", cpu: 8, memoryGi: 64),
    ]
    private static let spotSizes = [
        Size(sku: "Standard_D8s_v5", cpu: 8, memoryGi: 32), Size(sku: "Standard_F8s_v2", cpu: 8, memoryGi: 16),
    ]

    /// A web deployment: small requests; every fourth spread over the region's availability zones
    /// (pinned to them by node affinity, so the regional placement is not a domain), every tenth
    /// asking not to be disrupted.
    private static func webSpec(index: Int, zones: [String], random: inout SplitMix64) -> PodSpec {
        let labels = ["app": "web-\(index)"]
        var spec = PodSpec(labels: labels, owner: OwnerReference(kind: "ReplicaSet", name: "web-\(index)-6f7d"),
                           containers: [Container(name: "web", requests: ResourceList(
                               cpu: .millis(random.pick([50, 100, 200, 250, 500])),
                               memory: .mebibytes(random.pick([256, 512, 1024, 2048]))))])
        if index % 4 == 0 {
            spec.affinity.nodeAffinity = NodeAffinity(required: [
                NodeSelectorTerm([NodeSelectorRequirement(key: WellKnownLabel.zone, operator: .in, values: zones)]),
            ])
            spec.topologySpreadConstraints = [TopologySpreadConstraint(
                maxSkew: 1, topologyKey: WellKnownLabel.zone, whenUnsatisfiable: .scheduleAnyway,
                labelSelector: LabelSelector(matchLabels: labels))]
        }
        if index % 10 == 9 { spec.annotations[WellKnownAnnotation.doNotDisrupt] = "true" }
        return spec
    }

    /// A spot-tolerant worker.
    private static func workerSpec(index: Int, random: inout SplitMix64) -> PodSpec {
        PodSpec(namespace: "batch", labels: ["app": "worker-\(index)"],
                owner: OwnerReference(kind: "ReplicaSet", name: "worker-\(index)-9c2a"),
                tolerations: [Toleration(key: spotTaint.key, operator: .equal, value: "spot", effect: .noSchedule)],
                containers: [Container(name: "worker", requests: ResourceList(
                    cpu: .millis(random.pick([100, 250, 500, 1000])), memory: .mebibytes(random.pick([256, 512, 1024]))))])
    }
}
