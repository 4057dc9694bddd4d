import NodePlanModel
import NodePlanSynthetic

/// A provisioning problem small enough to solve exactly: a few instance types, one or two
/// NodePools (one maybe tainted or limited to a capacity type), maybe a DaemonSet, and at most
/// six pods with zone, capacity-type and label selectors, a toleration, hostname anti-affinity
/// among themselves and a host port, maybe a node limit. `optimum` enumerates every way to split the pods into nodes,
/// with its own reading of the rules, independent of the solver.
struct TinyProblem {
    struct SKU {
        var name: String
        var cpuMillis: Int64
        var memoryMiB: Int64
        var pods: Int64
        var family: String
        var offerings: [Offering]
    }

    struct Pool {
        var name: String
        var tainted: Bool
        var capacityType: CapacityType?
        /// NodePool `limits.nodes`.
        var nodeLimit: Int?
    }

    struct PodModel {
        var cpuMillis: Int64
        var memoryMiB: Int64
        var zone: String?
        var capacityType: CapacityType?
        var family: String?
        var toleratesTaint: Bool
        var keepsApart: Bool
        var hostPort: Bool
    }

    static let zones = ["tiny-1", "tiny-2"]
    static let familyLabel = WellKnownLabel.azureSKUFamily
    static let taint = Taint(key: "dedicated", value: "tiny", effect: .noSchedule)
    static let overheadCPUMillis: Int64 = 100
    static let overheadMemoryMiB: Int64 = 256

    var skus: [SKU]
    var pools: [Pool]
    var pods: [PodModel]
    /// CPU millicores and MiB of the one DaemonSet (which tolerates everything), if any.
    var daemonSet: (cpuMillis: Int64, memoryMiB: Int64)?

    static func random(seed: UInt64) -> TinyProblem {
        var random = SplitMix64(seed: seed)
        let skus = (0..<random.integer(in: 2...4)).map { index in
            let cpu = random.pick([1, 2, 4] as [Int64])
            let memory = random.pick([2, 4, 8] as [Int64])
            let onDemand = (Double(cpu) * 0.04 + Double(memory) * 0.01) * Double(random.integer(in: 70...130)) / 100
            var offerings: [Offering] = []
            for zone in zones {
                offerings.append(Offering(zone: zone, capacityType: .onDemand, price: onDemand,
                                          available: random.chance(0.8)))
                offerings.append(Offering(zone: zone, capacityType: .spot,
                                          price: onDemand * Double(random.integer(in: 30...80)) / 100,
                                          available: random.chance(0.8)))
            }
            if !offerings.contains(where: \.available) { offerings[0].available = true }
            return SKU(name: "tiny-\(index)", cpuMillis: cpu * 1000, memoryMiB: memory * 1024,
                       pods: random.pick([3, 8, 110] as [Int64]), family: random.pick(["a", "b"]), offerings: offerings)
        }
        var pools = [Pool(name: "general", tainted: false,
                          capacityType: random.chance(0.3) ? random.pick([.spot, .onDemand]) : nil,
                          nodeLimit: random.chance(0.3) ? random.integer(in: 1...3) : nil)]
        if random.chance(0.5) { pools.append(Pool(name: "dedicated", tainted: true, capacityType: nil, nodeLimit: nil)) }
        let pods = (0..<random.integer(in: 1...6)).map { _ in
            PodModel(cpuMillis: random.pick([100, 250, 500, 1000, 1500, 2500] as [Int64]),
                     memoryMiB: random.pick([128, 512, 1024, 2048, 3000, 6000] as [Int64]),
                     zone: random.chance(0.25) ? random.pick(zones) : nil,
                     capacityType: random.chance(0.2) ? random.pick([.spot, .onDemand]) : nil,
                     family: random.chance(0.25) ? random.pick(["a", "b"]) : nil,
                     toleratesTaint: random.chance(0.5), keepsApart: random.chance(0.3), hostPort: random.chance(0.2))
        }
        let daemonSet: (Int64, Int64)? = random.chance(0.5) ? (50, 64) : nil
        return TinyProblem(skus: skus, pools: pools, pods: pods, daemonSet: daemonSet)
    }

    // MARK: As a snapshot

    var snapshot: Snapshot {
        var snapshot = Snapshot(options: SolverOptions(strategy: .karpenter))
        snapshot.instanceTypes = skus.map { sku in
            InstanceType(name: sku.name,
                         capacity: ResourceList(cpu: .millis(sku.cpuMillis), memory: .mebibytes(sku.memoryMiB),
                                                pods: .units(sku.pods)),
                         overhead: ResourceList(cpu: .millis(Self.overheadCPUMillis),
                                                memory: .mebibytes(Self.overheadMemoryMiB)),
                         requirements: [.in(WellKnownLabel.instanceType, sku.name), .in(Self.familyLabel, sku.family)],
                         offerings: sku.offerings)
        }
        snapshot.nodePools = pools.map { pool in
            NodePool(name: pool.name, taints: pool.tainted ? [Self.taint] : [],
                     requirements: pool.capacityType.map { [.in(WellKnownLabel.capacityType, $0.rawValue)] } ?? [],
                     limits: pool.nodeLimit.map { [ResourceName.nodes: .units(Int64($0))] } ?? ResourceList())
        }
        if let daemonSet {
            snapshot.daemonSets = [DaemonSet(name: "agent", template: PodSpec(
                namespace: "kube-system", owner: OwnerReference(kind: "DaemonSet", name: "agent"),
                tolerations: [Toleration(operator: .exists)],
                containers: [Container(name: "agent", requests: ResourceList(cpu: .millis(daemonSet.cpuMillis),
                                                                             memory: .mebibytes(daemonSet.memoryMiB)))]))]
        }
        for (index, pod) in pods.enumerated() {
            var spec = PodSpec(containers: [Container(
                name: "main", requests: ResourceList(cpu: .millis(pod.cpuMillis), memory: .mebibytes(pod.memoryMiB)),
                hostPorts: pod.hostPort ? [HostPort(port: 8080)] : [])])
            if let zone = pod.zone { spec.nodeSelector[WellKnownLabel.zone] = zone }
            if let capacityType = pod.capacityType { spec.nodeSelector[WellKnownLabel.capacityType] = capacityType.rawValue }
            if let family = pod.family { spec.nodeSelector[Self.familyLabel] = family }
            if pod.toleratesTaint { spec.tolerations = [Toleration(key: Self.taint.key, operator: .exists)] }
            if pod.keepsApart {
                spec.labels = ["role": "apart"]
                spec.affinity.podAntiAffinity = PodAffinityRules(required: [PodAffinityTerm(
                    labelSelector: LabelSelector(matchLabels: ["role": "apart"]), topologyKey: WellKnownLabel.hostname)])
            }
            snapshot.addPods(spec, namePrefix: "pod-\(index)")
        }
        return snapshot
    }

    // MARK: Exact optimum

    /// The cheapest set of new nodes hosting every pod within the pools' node limits, nil when
    /// there is none.
    var optimum: Double? {
        let full = (1 << pods.count) - 1
        let blockPrice = pools.map { pool in (0...full).map { cheapestNode(for: $0, in: pool) } }
        var best = Double.infinity
        // Every partition into blocks, then every choice of pool per block.
        func partitions(_ remaining: Int, _ blocks: [Int]) {
            guard remaining != 0 else {
                best = min(best, cheapestPools(blocks, blockPrice))
                return
            }
            let lowest = remaining & -remaining
            var block = remaining
            while block > 0 {
                if block & lowest != 0 { partitions(remaining & ~block, blocks + [block]) }
                block = (block - 1) & remaining
            }
        }
        partitions(full, [])
        return best.isFinite ? best : nil
    }

    private func cheapestPools(_ blocks: [Int], _ blockPrice: [[Double]]) -> Double {
        var best = Double.infinity
        var choice = Array(repeating: 0, count: blocks.count)
        while true {
            let withinLimits = pools.indices.allSatisfy { pool in
                pools[pool].nodeLimit.map { limit in choice.filter { $0 == pool }.count <= limit } ?? true
            }
            if withinLimits { best = min(best, zip(blocks, choice).reduce(0) { $0 + blockPrice[$1.1][$1.0] }) }
            guard let position = choice.firstIndex(where: { $0 < pools.count - 1 }) else { return best }
            choice[position] += 1
            for earlier in 0..<position { choice[earlier] = 0 }
        }
    }

    /// The cheapest single node of `pool` for the pods in `block` (a bit set), infinity when none fits.
    private func cheapestNode(for block: Int, in pool: Pool) -> Double {
        let members = pods.indices.filter { block & (1 << $0) != 0 }.map { pods[$0] }
        if members.filter(\.keepsApart).count > 1 || members.filter(\.hostPort).count > 1 { return .infinity }
        var cheapest = Double.infinity
        if !pool.tainted || members.allSatisfy(\.toleratesTaint) {
            for sku in skus where members.allSatisfy({ $0.family == nil || $0.family == sku.family }) {
                let cpu = members.reduce(daemonSet?.cpuMillis ?? 0) { $0 + $1.cpuMillis }
                let memory = members.reduce(daemonSet?.memoryMiB ?? 0) { $0 + $1.memoryMiB }
                let podCount = Int64(members.count + (daemonSet == nil ? 0 : 1))
                guard cpu <= sku.cpuMillis - Self.overheadCPUMillis,
                      memory <= sku.memoryMiB - Self.overheadMemoryMiB, podCount <= sku.pods else { continue }
                for offering in sku.offerings where offering.available
                    && (pool.capacityType == nil || pool.capacityType == offering.capacityType)
                    && members.allSatisfy({ ($0.zone == nil || $0.zone == offering.zone)
                        && ($0.capacityType == nil || $0.capacityType == offering.capacityType) }) {
                    cheapest = min(cheapest, offering.price)
                }
            }
        }
        return cheapest
    }
}
