import NodePlanModel

/// A deterministic cluster of realistic shape for wire benchmarks: `specs` workloads, `pods` pods
/// spread over them, `nodes` nodes (90% of pods bound), and a 300-SKU instance-type list.
public struct SyntheticCluster: Sendable {
    public var specs: Int
    public var pods: Int
    public var nodes: Int

    public init(specs: Int = 200, pods: Int = 100_000, nodes: Int = 2_000) {
        self.specs = specs
        self.pods = pods
        self.nodes = nodes
    }

    public func snapshot() -> Snapshot {
        var snapshot = Snapshot(cluster: Cluster(name: "bench", region: "westeurope", now: 1_764_000_000))
        let zones = ["westeurope-1", "westeurope-2", "westeurope-3"]
        snapshot.instanceTypes = (0..<300).map { index in
            let cpus = Int64(2 << (index % 6))
            return InstanceType(
                name: "Standard_D\(cpus)s_v\(index % 7)_\(index)",
                capacity: ResourceList(["cpu": .units(cpus), "memory": .gibibytes(cpus * 4), "pods": .units(110),
                                        "ephemeral-storage": .gibibytes(128)]),
                overhead: ResourceList(cpu: .millis(100 + cpus * 10), memory: .mebibytes(750 + cpus * 64)),
                requirements: [
                    .in(WellKnownLabel.arch, index % 5 == 0 ? "arm64" : "amd64"),
                    .in(WellKnownLabel.azureSKUFamily, "D"), .in(WellKnownLabel.azureSKUCPU, "\(cpus)"),
                    .in(WellKnownLabel.azureSKUMemory, "\(cpus * 4096)"), .in(WellKnownLabel.azureSKUVersion, "\(index % 7)"),
                    .in(WellKnownLabel.os, "linux"), .in(WellKnownLabel.azureSKUSeries, "Dsv\(index % 7)"),
                    .in(WellKnownLabel.azureSKUAcceleratedNetworking, "true"),
                ],
                offerings: zones.flatMap { zone in
                    [Offering(zone: zone, capacityType: .onDemand, price: Double(cpus) * 0.048),
                     Offering(zone: zone, capacityType: .spot, price: Double(cpus) * 0.011, available: index % 9 != 0)]
                })
        }
        snapshot.nodePools = [NodePool(name: "general", requirements: [.in(WellKnownLabel.capacityType, "spot", "on-demand")]),
                              NodePool(name: "batch", weight: 10, taints: [Taint(key: "batch", effect: .noSchedule)])]
        snapshot.nodeClasses = [AKSNodeClass()]
        snapshot.nodes = (0..<nodes).map { index in
            let type = snapshot.instanceTypes[index % snapshot.instanceTypes.count]
            return Node(
                name: "aks-general-\(String(index * 7919, radix: 36))-vmss\(String(format6(index)))",
                labels: [
                    WellKnownLabel.hostname: "aks-general-\(index)", WellKnownLabel.zone: zones[index % 3],
                    WellKnownLabel.region: "westeurope", WellKnownLabel.instanceType: type.name,
                    WellKnownLabel.arch: "amd64", WellKnownLabel.os: "linux", WellKnownLabel.capacityType: "on-demand",
                    WellKnownLabel.nodePool: index % 4 == 0 ? "batch" : "general", WellKnownLabel.initialized: "true",
                    WellKnownLabel.registered: "true", WellKnownLabel.azureSKUFamily: "D",
                    WellKnownLabel.azureSKUCPU: "8", WellKnownLabel.aksMode: "user",
                    WellKnownLabel.aksOSSKU: "Ubuntu", "agentpool": "general",
                ],
                annotations: ["karpenter.sh/nodepool-hash": "1234567890", "node.alpha.kubernetes.io/ttl": "0",
                              "volumes.kubernetes.io/controller-managed-attach-detach": "true"],
                taints: index % 4 == 0 ? [Taint(key: "batch", effect: .noSchedule)] : [],
                capacity: type.capacity, allocatable: type.allocatable, nodePool: index % 4 == 0 ? "batch" : "general",
                instanceType: type.name, price: type.offerings[0].price, createdAt: 1_763_000_000 + Double(index))
        }
        snapshot.podSpecs = (0..<specs).map(podSpec)
        snapshot.pods.reserveCapacity(pods)
        for index in 0..<pods {
            let spec = index % specs
            let bound = index % 10 != 0
            snapshot.pods.append(Pod(
                name: "app-\(spec)-7d9f8c6b5-\(String(index * 104_729, radix: 36))",
                uid: uuid(index), spec: Int32(spec), nodeName: bound ? snapshot.nodes[index % nodes].name : "",
                phase: bound ? .running : .pending, createdAt: 1_763_500_000 + Double(index)))
        }
        return snapshot
    }

    private func podSpec(_ index: Int) -> PodSpec {
        let app = "app-\(index)"
        let selector = LabelSelector(matchLabels: ["app": app])
        var spec = PodSpec(
            namespace: "team-\(index % 20)",
            labels: ["app": app, "pod-template-hash": "7d9f8c6b5", "team": "team-\(index % 20)", "version": "v\(index % 3)"],
            annotations: ["prometheus.io/scrape": "true", "kubectl.kubernetes.io/restartedAt": "2026-11-20T10:00:00Z"],
            owner: OwnerReference(kind: "ReplicaSet", name: "\(app)-7d9f8c6b5"),
            tolerations: [Toleration(key: "node.kubernetes.io/not-ready", operator: .exists, effect: .noExecute,
                                     tolerationSeconds: 300)],
            containers: (0..<(1 + index % 3)).map { container in
                Container(name: "c\(container)",
                          requests: ResourceList(cpu: .millis(Int64(100 + index % 7 * 50)), memory: .mebibytes(Int64(128 << (index % 4)))),
                          limits: ResourceList(memory: .mebibytes(Int64(256 << (index % 4)))))
            })
        if index % 4 == 0 { spec.tolerations.append(Toleration(key: "batch", operator: .exists)) }
        if index % 3 == 0 {
            spec.topologySpreadConstraints = [TopologySpreadConstraint(maxSkew: 1, topologyKey: WellKnownLabel.zone,
                                                                       labelSelector: selector)]
        }
        if index % 5 == 0 {
            spec.affinity.podAntiAffinity = PodAffinityRules(required: [PodAffinityTerm(labelSelector: selector,
                                                                                      topologyKey: WellKnownLabel.hostname)])
        }
        if index % 6 == 0 { spec.nodeSelector = [WellKnownLabel.arch: "amd64"] }
        if index % 8 == 0 { spec.initContainers = [Container(name: "init", requests: ResourceList(cpu: .millis(50)))] }
        return spec
    }

    private func uuid(_ index: Int) -> String {
        let hex = String(UInt64(index) &* 0x9E37_79B9_7F4A_7C15, radix: 16)
        let padded = String(repeating: "0", count: 16 - hex.count) + hex
        return "\(padded.prefix(8))-\(padded.dropFirst(8).prefix(4))-4\(padded.suffix(3))-8000-\(padded.prefix(12))"
    }

    private func format6(_ index: Int) -> String {
        let digits = String(index)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
