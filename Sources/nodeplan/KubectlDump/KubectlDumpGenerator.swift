import Foundation
import NodePlanCatalog
import NodePlanKube
import NodePlanModel
import NodePlanReport
import NodePlanSynthetic

/// Builds the objects of a `KubectlDump`: first the running part of the cluster (workloads whose
/// pods are packed first-fit onto nodes of their pool, new nodes made as needed), then the pending
/// part (scale-ups, a rollout, new batch jobs) until the pod count is reached.
struct KubectlDumpGenerator {
    /// A NodePool of the generated cluster and the SKUs its existing nodes run.
    struct PoolShape {
        var name: String
        var families: [String]
        var capacityType: CapacityType
        var nodeSKUs: [String]
        var taint: Taint?
    }

    struct ExistingNode {
        var name: String
        var pool: String
        var zone: String
        var instanceType: InstanceType
        var capacityType: CapacityType
        var free: ResourceList
        /// Workloads (namespace/name) with a pod here, for hostname anti-affinity.
        var workloads: Set<String> = []
        var created: Double
        var address: String
        var uid: String
    }

    struct GeneratedWorkload {
        var archetype: WorkloadArchetype
        var namespace: String
        var name: String
        var hash: String
        var uid: String
        /// The UID of the pods' controller: a Deployment's ReplicaSet, else the workload itself.
        var podOwnerUID: String
        var requests: ResourceList
        var created: Double
        /// Pod names and the index of the node each runs on.
        var running: [(name: String, node: Int)] = []
        var pending: [String] = []

        var key: String { namespace + "/" + name }
    }

    /// DaemonSets on every node: name, namespace, CPU millicores, memory MiB.
    static let daemonSets: [(name: String, namespace: String, cpuMillis: Int, memoryMebibytes: Int)] = [
        ("azure-cns", "kube-system", 40, 250), ("kube-proxy", "kube-system", 100, 64), ("ama-logs", "kube-system", 150, 550),
    ]
    static let pools = [
        PoolShape(name: "general", families: ["D"], capacityType: .onDemand,
                  nodeSKUs: ["Standard_D8s_v5", "Standard_D16s_v5"], taint: nil),
        PoolShape(name: "memory", families: ["E"], capacityType: .onDemand, nodeSKUs: ["Standard_E8s_v5"], taint: nil),
        PoolShape(name: "batch", families: ["D", "F"], capacityType: .spot, nodeSKUs: ["Standard_D8s_v5"],
                  taint: Taint(key: "batch", value: "true", effect: .noSchedule)),
    ]
    /// 2026-11-25T12:00:00Z: the moment the dump was taken.
    static let now = 1_795_608_000.0

    var random: SplitMix64
    let region: String
    let zones: [String]
    let nodePoolObjects: [KubeValue]
    var instanceTypes: [String: [InstanceType]]
    var nodes: [ExistingNode] = []
    var workloads: [GeneratedWorkload] = []
    var usedNames: Set<String> = []
    var daemonSetUIDs: [String] = []

    init(seed: UInt64, region: String, resolver: InstanceTypeResolver) throws {
        random = SplitMix64(seed: seed)
        self.region = region
        zones = (1...3).map { "\(region)-\($0)" }
        nodePoolObjects = [Self.nodeClass()] + Self.pools.map(Self.nodePool)
        // The pools' instance types come from nodeplan's own reader and catalog, so existing nodes
        // report the capacity and allocatable the solver will assume for new ones.
        var builder = SnapshotBuilder(cluster: Cluster(region: region))
        try builder.add(text: try Self.yaml(Self.list(nodePoolObjects)), file: "karpenter.yaml")
        var snapshot = try builder.build()
        snapshot.catalog = CatalogSelection()
        instanceTypes = try resolver.instanceTypes(for: snapshot)
        daemonSetUIDs = Self.daemonSets.map { _ in uid() }
    }

    // MARK: Populating

    mutating func populate(pods target: Int) {
        let target = max(40, target)
        let daemonPodsPerNode = Self.daemonSets.count
        let runningTarget = target * 4 / 5
        while podCount() < runningTarget {
            let archetype = random.pick(WorkloadArchetype.all)
            let replicas = min(random.integer(in: archetype.replicas), max(1, runningTarget - podCount() - daemonPodsPerNode))
            var workload = newWorkload(archetype, created: Self.now - Double(random.integer(in: 2...40)) * 86_400)
            for ordinal in 0..<replicas {
                let node = place(workload, replica: ordinal)
                workload.running.append((podName(workload, ordinal: ordinal), node))
                nodes[node].workloads.insert(workload.key)
            }
            workloads.append(workload)
        }
        // Pending: scale-ups of running Deployments, one rollout of a new Deployment, new batch Jobs.
        var budget = target - podCount()
        let deployments = workloads.indices.filter { workloads[$0].archetype.kind == .deployment }
        var scaleUps = budget * 2 / 5
        while scaleUps > 0, let index = deployments.isEmpty ? nil : random.pick(deployments) {
            let extra = min(scaleUps, random.integer(in: 1...max(1, workloads[index].running.count / 2)))
            for _ in 0..<extra {
                workloads[index].pending.append(podName(workloads[index], ordinal: workloads[index].pending.count))
            }
            scaleUps -= extra
            budget -= extra
        }
        let newArchetypes = [WorkloadArchetype.all[1], WorkloadArchetype.all[4]]
        var first = true
        while budget > 0 {
            let archetype = first ? newArchetypes[0] : newArchetypes[1]
            var workload = newWorkload(archetype, created: Self.now - Double(random.integer(in: 30...600)))
            let count = min(budget, first ? random.integer(in: archetype.replicas) * 2 : random.integer(in: archetype.replicas))
            for ordinal in 0..<count { workload.pending.append(podName(workload, ordinal: ordinal)) }
            workloads.append(workload)
            budget -= count
            first = false
        }
    }

    /// Pods so far: workload pods, running and pending, and one pod per DaemonSet on every node.
    private func podCount() -> Int {
        workloads.reduce(0) { $0 + $1.running.count + $1.pending.count } + nodes.count * Self.daemonSets.count
    }

    private mutating func newWorkload(_ archetype: WorkloadArchetype, created: Double) -> GeneratedWorkload {
        let namespace = random.pick(WorkloadArchetype.teams)
        var name = random.pick(archetype.names)
        if usedNames.contains(namespace + "/" + name) {
            var suffix = 2
            while usedNames.contains("\(namespace)/\(name)-\(suffix)") { suffix += 1 }
            name += "-\(suffix)"
        }
        usedNames.insert(namespace + "/" + name)
        let requests = ResourceList(cpu: .millis(Int64(random.pick(archetype.cpuMillis))),
                                    memory: .mebibytes(Int64(random.pick(archetype.memoryMebibytes))))
        let workloadUID = uid()
        return GeneratedWorkload(archetype: archetype, namespace: namespace, name: name, hash: randomName(10),
                                 uid: workloadUID, podOwnerUID: archetype.kind == .deployment ? uid() : workloadUID,
                                 requests: requests, created: created)
    }

    /// The node a running replica sits on: the first of its pool (in its spread zone, without a
    /// sibling when anti-affinity forbids one) with room, else a new node.
    private mutating func place(_ workload: GeneratedWorkload, replica: Int) -> Int {
        let shape = Self.pools.first { $0.name == workload.archetype.pool }!
        let zone = workload.archetype.zoneSpread ? zones[replica % zones.count] : nil
        var podRequests = workload.requests
        podRequests[ResourceName.pods] = .units(1)
        if let index = nodes.indices.first(where: { index in
            let node = nodes[index]
            return node.pool == shape.name && (zone == nil || node.zone == zone)
                && !(workload.archetype.hostnameAntiAffinity && node.workloads.contains(workload.key))
                && fits(podRequests, in: node.free)
        }) {
            nodes[index].free = nodes[index].free - podRequests
            return index
        }
        let types = instanceTypes[shape.name] ?? []
        let sku = random.pick(shape.nodeSKUs)
        let instanceType = types.first { $0.name == sku } ?? types.first { fits(podRequests, in: $0.allocatable) }!
        var free = instanceType.allocatable
        for daemonSet in Self.daemonSets {
            free = free - ResourceList(cpu: .millis(Int64(daemonSet.cpuMillis)), memory: .mebibytes(Int64(daemonSet.memoryMebibytes)),
                                       pods: .units(1))
        }
        free = free - podRequests
        nodes.append(ExistingNode(
            name: "aks-\(shape.name)-\(randomName(5))", pool: shape.name, zone: zone ?? zones[nodes.count % zones.count],
            instanceType: instanceType, capacityType: shape.capacityType, free: free,
            created: Self.now - Double(random.integer(in: 1...30)) * 86_400 - Double(random.integer(in: 0...86_399)),
            address: "10.224.\(nodes.count / 250).\(nodes.count % 250 + 4)", uid: uid()))
        return nodes.count - 1
    }

    private func fits(_ requests: ResourceList, in free: ResourceList) -> Bool {
        [ResourceName.cpu, ResourceName.memory, ResourceName.pods].allSatisfy { requests[$0] <= free[$0] }
    }

    private mutating func podName(_ workload: GeneratedWorkload, ordinal: Int) -> String {
        switch workload.archetype.kind {
        case .deployment: "\(workload.name)-\(workload.hash)-\(randomName(5))"
        case .statefulSet: "\(workload.name)-\(ordinal)"
        case .job: "\(workload.name)-\(randomName(5))"
        }
    }

    /// Kubernetes' name alphabet (no vowels, no look-alikes).
    private mutating func randomName(_ length: Int) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<length).map { _ in random.pick(alphabet) })
    }

    mutating func uid() -> String {
        let hex = (0..<4).map { _ in String(random.next() & 0xFFFF_FFFF, radix: 16) }
            .map { String(repeating: "0", count: 8 - $0.count) + $0 }.joined()
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }

    // MARK: Writing

    /// The files, one per `kubectl get` command. Pod UIDs are drawn here, after populating.
    mutating func dump() throws -> KubectlDump {
        var dump = KubectlDump(files: [], podCount: 0, pendingPodCount: 0, nodeCount: nodes.count)
        let pods = podObjects()
        dump.podCount = pods.count
        dump.pendingPodCount = workloads.reduce(0) { $0 + $1.pending.count }
        dump.files = [
            ("karpenter.yaml", try Self.yaml(Self.list(nodePoolObjects))),
            ("priorityclasses.yaml", try Self.yaml(Self.list([Self.priorityClass()]))),
            ("nodes.yaml", try Self.yaml(Self.list(nodes.map(nodeObject)))),
            ("workloads.yaml", try Self.yaml(Self.list(workloadObjects()))),
            ("pdbs.yaml", try Self.yaml(Self.list(workloads.filter(\.archetype.disruptionBudget).map(Self.disruptionBudget)))),
            ("pods.yaml", try Self.yaml(Self.list(pods))),
        ]
        return dump
    }

    static func yaml(_ value: KubeValue) throws -> String { try YAMLEmitter.yaml(value) }

    static func list(_ items: [KubeValue]) -> KubeValue {
        ["apiVersion": "v1", "kind": "List", "items": .list(items), "metadata": ["resourceVersion": ""]]
    }

    static func timestamp(_ seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: seconds.rounded(.down)))
    }
}
