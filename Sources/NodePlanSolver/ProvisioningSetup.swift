import NodePlanModel

/// Turns a snapshot into the scheduler's dense inputs: the pod batch, shapes, NodeClaim templates,
/// existing nodes with what is left on them, and the topology with running pods counted.
struct ProvisioningSetup {
    /// Pods to place: pending provisionable pods and reschedulable pods of deleting nodes.
    var batch: [Int32] = []
    /// Pods Karpenter would ignore, with why.
    var ignored: [(pod: Int32, reason: String)] = []
    /// NodePools left out or unable to launch anything, with why.
    var warnings: [String] = []
    var scheduler: Scheduler

    /// - Parameters:
    ///   - shapingAlso: pods outside the batch whose shapes (and topology groups) are built too,
    ///     so a later scheduler over this setup can place them (consolidation moves them).
    ///   - earlier: a setup of the same NodePools, instance types and DaemonSets (nodes and pods
    ///     may differ: consolidation's next batch) whose NodeClaim templates are taken over instead
    ///     of rebuilt, when it numbers resources the same way.
    init(snapshot: Snapshot, instanceTypes: [String: [InstanceType]]?, options: SolverOptions,
         shapingAlso extraPods: [Int32] = [], reusingTemplatesOf earlier: ProvisioningSetup? = nil) {
        let nodeIndex = Dictionary(snapshot.nodes.enumerated().map { ($0.element.name, $0.offset) },
                                   uniquingKeysWith: { first, _ in first })
        let specRequests = snapshot.podSpecs.map(\.effectiveRequests)
        // Static pools keep their size; a pool whose AKSNodeClass is missing is not ready (without
        // any AKSNodeClass in the snapshot, every pool is taken as ready).
        let classNames = Set(snapshot.nodeClasses.map(\.name))
        var pools: [NodePool] = []
        for pool in snapshot.nodePools where pool.replicas == nil {
            if classNames.isEmpty || classNames.contains(pool.nodeClass) {
                pools.append(pool)
            } else {
                warnings.append("NodePool \"\(pool.name)\" skipped: AKSNodeClass \"\(pool.nodeClass)\" not found")
            }
        }
        let typesOfPool = pools.map { instanceTypes?[$0.name] ?? snapshot.instanceTypes }
        let resources = ResourceIndex(
            specRequests + typesOfPool.flatMap { $0.flatMap { [$0.capacity, $0.overhead] } }
                + snapshot.nodes.flatMap { [$0.capacity, $0.allocatable] } + pools.map(\.limits)
                + snapshot.daemonSets.map(\.template.effectiveRequests))
        let specVectors = specRequests.map(resources.vector)
        let daemonSets = snapshot.daemonSets.map { DaemonSetPod($0, resources: resources) }

        // Which pods to place.
        var batch: [Int32] = []
        var inBatch = Array(repeating: false, count: snapshot.pods.count)
        for (index, pod) in snapshot.pods.enumerated() {
            let spec = snapshot.podSpecs[Int(pod.spec)]
            let include: Bool
            if pod.isBound {
                guard let node = nodeIndex[pod.nodeName], snapshot.nodes[node].markedForDeletion else { continue }
                include = PodSelection.isReschedulable(pod, spec: spec, snapshot: snapshot)
            } else {
                include = PodSelection.isProvisionable(pod, spec: spec)
            }
            guard include else { continue }
            batch.append(Int32(index))
            inBatch[index] = true
        }

        // What runs where already.
        var usage = Array(repeating: ResourceVector(count: resources.count), count: snapshot.nodes.count)
        var ports = Array(repeating: HostPortUsage(), count: snapshot.nodes.count)
        var attached = snapshot.nodes.map { VolumeUsage(limits: $0.volumeLimits) }
        var runningDaemonSets = Array(repeating: Set<String>(), count: snapshot.nodes.count)
        var census = TopologyCensus()
        census.nodes = snapshot.nodes.map { node in
            var labels = node.labels
            if labels[WellKnownLabel.hostname] == nil { labels[WellKnownLabel.hostname] = node.name }
            return TopologyCensus.CensusNode(labels: labels, requirements: Requirements(labels: labels),
                                             taints: node.taints, registered: node.registered)
        }
        for (index, pod) in snapshot.pods.enumerated() where pod.isBound && !pod.isTerminal && !inBatch[index] {
            guard let node = nodeIndex[pod.nodeName] else { continue }
            let spec = snapshot.podSpecs[Int(pod.spec)]
            usage[node] += specVectors[Int(pod.spec)]
            ports[node].insert(contentsOf: spec.hostPorts)
            attached[node].add(spec.volumes.attachments)
            if let owner = spec.owner, owner.kind == "DaemonSet" { runningDaemonSets[node].insert(owner.name) }
            if !pod.isTerminating {
                census.pods.append(.init(namespace: spec.namespace, labels: spec.labels, node: node))
            }
        }

        // Existing and in-flight nodes, initialized first, then by name.
        var existingNodes: [ExistingNode] = []
        for (index, node) in snapshot.nodes.enumerated() where !node.markedForDeletion {
            let taints = NodeTaints.effective(node)
            let requirements = census.nodes[index].requirements
            var available = resources.vector(node.allocatable)
            available -= usage[index]
            for daemonSet in daemonSets where !runningDaemonSets[index].contains(daemonSet.name)
                && daemonSet.runs(onNodeWith: taints, requirements: requirements) {
                available -= daemonSet.requests
            }
            existingNodes.append(ExistingNode(node: index, name: node.name,
                                              hostname: census.nodes[index].labels[WellKnownLabel.hostname]!,
                                              initialized: node.initialized,
                                              requirements: requirements, taints: taints, available: available,
                                              hostPorts: ports[index], volumes: attached[index]))
        }
        existingNodes.sort { ($0.initialized ? 0 : 1, $0.name) < ($1.initialized ? 0 : 1, $1.name) }

        // NodeClaim templates, in weight order. Pools usually share most instance types: each
        // distinct one is turned into an option once.
        var optionsByName: [String: [InstanceTypeOption]] = [:]
        func option(_ instanceType: InstanceType) -> InstanceTypeOption {
            if let known = optionsByName[instanceType.name]?.first(where: { $0.instanceType == instanceType }) {
                return known
            }
            let made = InstanceTypeOption(instanceType, resources: resources)
            optionsByName[instanceType.name, default: []].append(made)
            return made
        }
        var templates: [NodeClaimTemplate] = []
        let reused = earlier.map { $0.scheduler.resources.names == resources.names } ?? false
        if reused, let earlier {
            templates = earlier.scheduler.templates
            for template in templates where template.options.isEmpty {
                warnings.append("NodePool \"\(template.name)\": no instance type is compatible with its requirements")
            }
        }
        for (poolIndex, pool) in pools.enumerated() where !reused {
            var requirements = Requirements(pool.requirements)
            requirements.add(Requirements(labels: pool.labels))
            requirements.add(Requirement(key: WellKnownLabel.nodePool, operator: .in, values: [pool.name]))
            let options = typesOfPool[poolIndex].map(option).filter { option in
                option.requirements.intersectionConflict(with: requirements) == nil
                    && option.hasAvailableOffering(InstanceTypeOption.OfferingFilter(requirements)) && !option.allocatable.hasNegative
            }.sorted { $0.name < $1.name }
            if options.isEmpty {
                warnings.append("NodePool \"\(pool.name)\": no instance type is compatible with its requirements")
            }
            let groups = DaemonSetOverheadGroups(daemonSets: daemonSets, taints: pool.taints,
                                                 requirements: requirements, options: options,
                                                 resourceCount: resources.count)
            templates.append(NodeClaimTemplate(pool: pool, requirements: requirements, options: options,
                                               daemonSetGroups: groups, resourceCount: resources.count))
        }
        templates.sort(by: NodeClaimTemplate.precedes)
        // Limits count every node of the pool, deleting and in-flight ones included.
        let limits = templates.map { template in
            var used = ResourceVector(count: resources.count)
            var nodeCount = 0
            for node in snapshot.nodes where node.nodePool == template.name {
                used += resources.vector(node.capacity)
                nodeCount += 1
            }
            return NodePoolLimits(limits: template.pool.limits, used: used, nodeCount: nodeCount, resources: resources)
        }

        // The topology: domain universe, running pods, the batch's groups, inverse anti-affinity.
        var universe = DomainUniverse()
        for template in templates {
            universe.add(template.requirements, taints: template.pool.taints)
            for option in template.options {
                universe.add(template.requirements.adding(option.requirements), taints: template.pool.taints)
            }
        }
        for node in existingNodes { universe.add(node.requirements, taints: node.taints) }
        var topology = Topology(universe: universe, census: census)

        var shapes = [PodShape?](repeating: nil, count: snapshot.podSpecs.count)
        for pod in batch + extraPods where shapes[Int(snapshot.pods[Int(pod)].spec)] == nil {
            let specIndex = Int(snapshot.pods[Int(pod)].spec)
            shapes[specIndex] = PodShape(snapshot.podSpecs[specIndex], resources: resources,
                                         namespaces: snapshot.namespaces, topology: &topology)
        }
        for (index, pod) in snapshot.pods.enumerated() where pod.isBound && !pod.isTerminal && !pod.isTerminating
            && !inBatch[index] {
            let spec = snapshot.podSpecs[Int(pod.spec)]
            guard let terms = spec.affinity.podAntiAffinity?.required, !terms.isEmpty,
                  let node = nodeIndex[pod.nodeName] else { continue }
            for term in terms {
                let definition = PodShape.definition(of: term, kind: .antiAffinity, spec: spec,
                                                     namespaces: snapshot.namespaces)
                let group = topology.inverseGroup(for: definition)
                for domain in topology.possibleDomains(of: census.nodes[node], key: definition.key) {
                    topology.recordInverse(group, domain: domain)
                }
            }
        }
        for index in shapes.indices {
            guard var shape = shapes[index] else { continue }
            (shape.countingGroups, shape.repellingInverseGroups) = topology.selecting(namespace: shape.namespace,
                                                                                     labels: shape.labels)
            shapes[index] = shape
        }

        for pod in batch {
            if let reason = shapes[Int(snapshot.pods[Int(pod)].spec)]!.ignoredReason {
                ignored.append((pod, reason))
            } else {
                self.batch.append(pod)
            }
        }
        scheduler = Scheduler(resources: resources, options: options, shapes: shapes, pods: snapshot.pods,
                              templates: templates, limits: limits, existingNodes: existingNodes,
                              topology: topology)
    }
}
