import NodePlanModel

/// Karpenter's scheduling benchmark (`scheduling_benchmark_test.go`) rebuilt as a snapshot:
/// 400 fake instance types, one NodePool with huge limits, no nodes, no DaemonSets, and the
/// "diverse" pod mix, so nodeplan's numbers compare with Karpenter's published ones.
public enum SchedulingBenchmark {
    /// Zones the fake types are offered in (spot in the first two, on-demand in all three).
    public static let zones = ["test-zone-1", "test-zone-2", "test-zone-3"]
    public static let nodePoolName = "default"
    /// Label values the random labels and selectors draw from.
    public static let labelValues = ["a", "b", "c", "d", "e", "f", "g"]
    public static let cpuChoices: [Quantity] = [.millis(100), .millis(250), .millis(500), .millis(1000), .millis(1500)]
    public static let memoryChoices: [Quantity] = [100, 256, 512, 1024, 2048, 4096].map { .mebibytes($0) }

    /// The benchmark snapshot with `pods` pending pods drawn with `seed` (Karpenter uses 42).
    public static func snapshot(pods: Int, seed: UInt64 = 42) -> Snapshot {
        precondition(pods >= 0, "pods must not be negative (got \(pods))")
        var random = SplitMix64(seed: seed)
        var interner = PodInterner(Snapshot(
            cluster: Cluster(name: "scheduling-benchmark", region: "test"), instanceTypes: instanceTypes(),
            nodePools: [nodePool()]))
        addDiversePods(pods, to: &interner, random: &random)
        return interner.snapshot
    }

    /// The preference benchmark (`BenchmarkRespectPreferences`/`BenchmarkIgnorePreferences`):
    /// `pods` pods labelled app=nginx that prefer zone test-zone-1, prefer (weight 10) no other
    /// nginx pod in their zone, which cannot hold, and prefer (weight 1) none on their node.
    public static func preferenceSnapshot(pods: Int = 4000, seed: UInt64 = 42) -> Snapshot {
        precondition(pods >= 0, "pods must not be negative (got \(pods))")
        var random = SplitMix64(seed: seed)
        var interner = PodInterner(Snapshot(
            cluster: Cluster(name: "preference-benchmark", region: "test"), instanceTypes: instanceTypes(),
            nodePools: [nodePool()]))
        let labels = ["app": "nginx"]
        let selector = LabelSelector(matchLabels: labels)
        for _ in 0..<pods {
            var spec = basePod(labels: labels, &random)
            spec.affinity = Affinity(
                nodeAffinity: NodeAffinity(preferred: [PreferredSchedulingTerm(
                    weight: 1, preference: NodeSelectorTerm([.in(WellKnownLabel.zone, zones[0])]))]),
                podAntiAffinity: PodAffinityRules(preferred: [
                    WeightedPodAffinityTerm(
                        weight: 10, term: PodAffinityTerm(labelSelector: selector, topologyKey: WellKnownLabel.zone)),
                    WeightedPodAffinityTerm(
                        weight: 1, term: PodAffinityTerm(labelSelector: selector, topologyKey: WellKnownLabel.hostname)),
                ]))
            interner.add(spec, prefix: "preference")
        }
        return interner.snapshot
    }

    /// `fake-it-i` for i in 0..<count: (i+1) vCPU, 2(i+1) GiB, 10(i+1) pods, overhead 100m/10Mi,
    /// priced 0.1 per vCPU plus 0.1 per GiB in every offering.
    public static func instanceTypes(count: Int = 400) -> [InstanceType] {
        (0..<count).map { index in
            let size = Int64(index + 1)
            let name = "fake-it-\(index)"
            let price = 0.1 * Double(size) + 0.1 * Double(2 * size)
            let offerings = zones.prefix(2).map { Offering(zone: $0, capacityType: .spot, price: price) }
                + zones.map { Offering(zone: $0, capacityType: .onDemand, price: price) }
            return InstanceType(
                name: name,
                capacity: ResourceList(cpu: .units(size), memory: .gibibytes(2 * size), pods: .units(10 * size)),
                overhead: ResourceList(cpu: .millis(100), memory: .mebibytes(10)),
                requirements: [.in(WellKnownLabel.instanceType, name), .in(WellKnownLabel.arch, "amd64"),
                               .in(WellKnownLabel.os, "linux")],
                offerings: offerings)
        }
    }

    /// The single NodePool: no requirements, limits of 10,000,000 CPU and 1,000,000Gi memory.
    /// (Karpenter uses 10,000,000Gi, beyond what a `Quantity` holds in milli-bytes; neither limit
    /// is ever reached.)
    public static func nodePool() -> NodePool {
        NodePool(name: nodePoolName,
                 limits: ResourceList(cpu: .units(10_000_000), memory: .gibibytes(1_000_000)))
    }

    /// Sizes of the five groups of `makeDiversePods(count)`: generic, zonal spread, hostname
    /// spread, zonal self-affinity, hostname anti-affinity; the remainder joins the generic group.
    public static func groupSizes(pods count: Int) -> [Int] {
        let share = count / 5
        return [count - 4 * share, share, share, share, share]
    }

    private static func addDiversePods(_ count: Int, to interner: inout PodInterner, random: inout SplitMix64) {
        let sizes = groupSizes(pods: count)
        let share = sizes[1]
        // Karpenter appends the remainder generic pods last; the order only affects pod names.
        for _ in 0..<share { interner.add(genericPod(&random), prefix: "generic") }
        for _ in 0..<share { interner.add(spreadPod(WellKnownLabel.zone, &random), prefix: "zonal-spread") }
        for _ in 0..<share { interner.add(spreadPod(WellKnownLabel.hostname, &random), prefix: "hostname-spread") }
        for _ in 0..<share { interner.add(selfAffinityPod(&random), prefix: "zonal-affinity") }
        for _ in 0..<share { interner.add(antiAffinityPod(&random), prefix: "hostname-anti-affinity") }
        for _ in 0..<(sizes[0] - share) { interner.add(genericPod(&random), prefix: "generic") }
    }

    private static func basePod(labels: [String: String], _ random: inout SplitMix64) -> PodSpec {
        let requests = ResourceList(cpu: random.pick(cpuChoices), memory: random.pick(memoryChoices))
        return PodSpec(labels: labels, containers: [Container(name: "app", requests: requests)])
    }

    private static func genericPod(_ random: inout SplitMix64) -> PodSpec {
        basePod(labels: ["my-label": random.pick(labelValues)], &random)
    }

    private static func spreadPod(_ key: String, _ random: inout SplitMix64) -> PodSpec {
        var spec = basePod(labels: ["my-label": random.pick(labelValues)], &random)
        spec.topologySpreadConstraints = [TopologySpreadConstraint(
            maxSkew: 1, topologyKey: key, whenUnsatisfiable: .doNotSchedule,
            labelSelector: LabelSelector(matchLabels: ["my-label": random.pick(labelValues)]))]
        return spec
    }

    private static func selfAffinityPod(_ random: inout SplitMix64) -> PodSpec {
        let labels = ["my-affininity": random.pick(labelValues)]
        var spec = basePod(labels: labels, &random)
        spec.affinity.podAffinity = PodAffinityRules(required: [
            PodAffinityTerm(labelSelector: LabelSelector(matchLabels: labels), topologyKey: WellKnownLabel.zone),
        ])
        return spec
    }

    private static func antiAffinityPod(_ random: inout SplitMix64) -> PodSpec {
        let labels = ["app": "nginx"]
        var spec = basePod(labels: labels, &random)
        spec.affinity.podAntiAffinity = PodAffinityRules(required: [
            PodAffinityTerm(labelSelector: LabelSelector(matchLabels: labels), topologyKey: WellKnownLabel.hostname),
        ])
        return spec
    }
}
