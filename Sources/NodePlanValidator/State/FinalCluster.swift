import NodePlanModel

/// The cluster as it will be once the plan is carried out, re-derived from the snapshot and the
/// plan without trusting anything the solver computed (labels, requests, domains).
///
/// Building is tolerant: references the plan gets wrong (unknown pods, nodes, pools, types) are
/// skipped here and reported by the rules.
struct FinalCluster: Sendable {
    let snapshot: Snapshot
    let plan: Plan
    let catalog: InstanceTypeCatalog
    let pools: [String: NodePool]
    var nodes: [FinalNode] = []
    /// Final nodes by name.
    var nodeIndex: [String: Int] = [:]
    /// Per launch: its node's index, nil when its name collides with another node.
    var launchNodes: [Int?] = []
    /// Names of nodes the plan terminates or that are being deleted.
    let removedNodes: Set<String>
    /// Per pod: whether a termination evicts it.
    let evicted: [Bool]
    let duties: [PodDuty]
    /// Per pod: placed by the plan.
    var isNew: [Bool]
    /// Effective requests per pod spec.
    let specRequests: [ResourceList]

    init(snapshot: Snapshot, plan: Plan, catalog: InstanceTypeCatalog) {
        self.snapshot = snapshot
        self.plan = plan
        self.catalog = catalog
        pools = Dictionary(snapshot.nodePools.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var evicted = Array(repeating: false, count: snapshot.pods.count)
        for termination in plan.terminations {
            for pod in termination.evictedPods where snapshot.pods.indices.contains(Int(pod)) { evicted[Int(pod)] = true }
        }
        let deletingNodes = Set(snapshot.nodes.filter(\.markedForDeletion).map(\.name))
        removedNodes = deletingNodes.union(plan.terminations.map(\.node))
        duties = snapshot.pods.indices.map { index in
            let pod = snapshot.pods[index]
            return PodDuty.of(pod, spec: snapshot.spec(of: pod), deletingNodes: deletingNodes, evicted: evicted[index])
        }
        self.evicted = evicted
        isNew = Array(repeating: false, count: snapshot.pods.count)
        specRequests = snapshot.podSpecs.map(\.effectiveRequests)

        for node in snapshot.nodes where !removedNodes.contains(node.name) && nodeIndex[node.name] == nil {
            addNode(FinalNode(existing: node))
        }
        for (index, launch) in plan.launches.enumerated() { launchNodes.append(addLaunch(launch, index: index)) }
        bindExistingPods()
        placePlannedPods()
    }

    /// The spec of pod `index`.
    func spec(_ index: Int32) -> PodSpec { snapshot.podSpecs[Int(snapshot.pods[Int(index)].spec)] }

    func podName(_ index: Int32) -> String { snapshot.pods[Int(index)].name }

    /// DaemonSets that would run a pod on `node` and have none bound there yet.
    func pendingDaemonSets(on node: FinalNode) -> [DaemonSet] {
        snapshot.daemonSets.filter { !node.boundDaemonSets.contains($0.name) && $0.runs(on: node.labels, taints: node.taints) }
    }

    @discardableResult
    private mutating func addNode(_ node: FinalNode) -> Int {
        nodeIndex[node.name] = nodes.count
        nodes.append(node)
        return nodes.count - 1
    }

    private mutating func addLaunch(_ launch: NodeLaunch, index: Int) -> Int? {
        guard nodeIndex[launch.name] == nil else { return nil }
        let pool = pools[launch.nodePool]
        let type = catalog.instanceType(named: launch.choice.instanceType, pool: launch.nodePool)
        var taints = pool?.taints ?? []
        for taint in launch.taints where !taints.contains(taint) { taints.append(taint) }
        return addNode(FinalNode(
            name: launch.name,
            labels: NodeLabels(launch: launch, option: launch.choice, pool: pool, instanceType: type),
            taints: taints, allocatable: type?.allocatable, capacity: type?.capacity, nodePool: launch.nodePool,
            launch: index, volumeLimits: [:]))
    }

    /// Pods bound to nodes that stay keep running there, unless a termination evicts them.
    private mutating func bindExistingPods() {
        for (index, pod) in snapshot.pods.enumerated() where pod.isBound && !pod.isTerminal && !evicted[index] {
            guard let node = nodeIndex[pod.nodeName], nodes[node].launch == nil else { continue }
            nodes[node].pods.append(Int32(index))
            let spec = snapshot.spec(of: pod)
            if let owner = spec.owner, owner.kind == "DaemonSet" { nodes[node].boundDaemonSets.insert(owner.name) }
        }
    }

    /// The first placement of each pod the plan may move counts; `PlacementRule` reports the rest.
    private mutating func placePlannedPods() {
        let targets = plan.assignments.map { (nodeIndex[$0.node], $0.pods) }
            + plan.launches.indices.map { (launchNodes[$0], plan.launches[$0].pods) }
        for (target, pods) in targets {
            guard let target else { continue }
            for pod in pods where snapshot.pods.indices.contains(Int(pod)) && !isNew[Int(pod)] {
                switch duties[Int(pod)] {
                case .mustPlace, .mayPlace: break
                case .stays, .notPlaceable: continue
                }
                nodes[target].pods.append(pod)
                nodes[target].newPods.append(pod)
                isNew[Int(pod)] = true
            }
        }
    }
}
