import NodePlanModel

/// A pending batch of deployments with very different shapes on one general NodePool over the
/// built-in Azure catalog (D, E and F families, on-demand): CPU-heavy workers, memory-heavy
/// caches, balanced services in several sizes and a few large pods, with the usual AKS
/// DaemonSets and no topology rules. Packing alone decides the cost, which is where Karpenter's
/// "grow to the largest type, then buy what fits" falls short.
///
/// The same arguments always give the same snapshot.
public enum HeterogeneousMix {
    /// `pods` pending pods in `region`, in at most 40 deployments.
    public static func snapshot(pods: Int, seed: UInt64, region: String = "eastus") -> Snapshot {
        precondition(pods >= 0, "pods must not be negative (got \(pods))")
        var random = SplitMix64(seed: seed)
        let pool = NodePool(name: "general", requirements: [
            .in(WellKnownLabel.capacityType, "on-demand"),
            NodeSelectorRequirement(key: WellKnownLabel.azureSKUFamily, operator: .in, values: ["D", "E", "F"]),
            .in(WellKnownLabel.arch, "amd64"),
        ])
        let snapshot = Snapshot(cluster: Cluster(name: "heterogeneous-\(seed)", region: region),
                                catalog: CatalogSelection(region: region), nodePools: [pool],
                                nodeClasses: [AKSNodeClass(name: "default")], daemonSets: daemonSets())
        var interner = PodInterner(snapshot)
        // (CPU millis, memory MiB) per kind: CPU-heavy, memory-heavy, balanced, large.
        let shapes: [[(Int64, Int64)]] = [
            [(1000, 512), (2000, 1024), (3000, 2048), (4000, 1024)],
            [(100, 4096), (250, 8192), (500, 12288), (250, 16384)],
            [(250, 512), (500, 1024), (1000, 4096), (1500, 3072)],
            [(6000, 24576), (8000, 16384), (3000, 40960)],
        ]
        let deployments = min(40, max(1, pods / 10))
        var remaining = pods
        for index in 0..<deployments {
            let kind = index % 4 == 3 && random.chance(0.5) ? 3 : random.below(3)
            let (cpu, memory) = random.pick(shapes[kind])
            let replicas = index == deployments - 1 ? remaining : min(remaining, random.integer(in: 1...(2 * pods / deployments)))
            remaining -= replicas
            let name = "deploy-\(index)"
            let spec = PodSpec(labels: ["app": name], owner: OwnerReference(kind: "ReplicaSet", name: "\(name)-6f4d"),
                               containers: [Container(name: "app", requests: ResourceList(cpu: .millis(cpu),
                                                                                         memory: .mebibytes(memory)))])
            interner.add(spec, count: replicas, prefix: name, createdAt: 1000)
        }
        return interner.snapshot
    }

    private static func daemonSets() -> [DaemonSet] {
        [("kube-proxy", 100, 128), ("azure-cns", 40, 250), ("ama-logs", 70, 325)].map { name, cpu, memory in
            DaemonSet(name: name, template: PodSpec(
                namespace: "kube-system", labels: ["k8s-app": name], owner: OwnerReference(kind: "DaemonSet", name: name),
                tolerations: [Toleration(operator: .exists)], priority: 2_000_001_000,
                containers: [Container(name: name, requests: ResourceList(cpu: .millis(Int64(cpu)),
                                                                          memory: .mebibytes(Int64(memory))))]))
        }
    }
}
