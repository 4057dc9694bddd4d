import Foundation
import NodePlanModel

/// Builds a `Snapshot` from `kubectl get -o yaml` / `-o json` output spread over any number of files.
///
/// Add every file, then call `build()`:
/// ```swift
/// var builder = SnapshotBuilder(cluster: Cluster(region: "eastus"))
/// for path in paths { try builder.addFile(atPath: path) }
/// let snapshot = try builder.build()
/// ```
/// Objects may come in any order and any file; references between them (pods to PriorityClasses,
/// claims to volumes, workloads to their pods, NodeClaims to Nodes) are resolved in `build()`.
public struct SnapshotBuilder: Sendable {
    /// Cluster facts; `region` and `kubernetesVersion` are replaced by what the nodes report, and a
    /// zero `now` by the latest timestamp in the input, so the same files always give the same snapshot.
    public var cluster: Cluster
    public var options: SolverOptions

    private(set) var pods: [(KubePod, ObjectOrigin)] = []
    private(set) var workloads: [(Workload, ObjectOrigin)] = []
    private(set) var daemonSets: [(KubeDaemonSet, ObjectOrigin)] = []
    private(set) var nodes: [Node] = []
    private(set) var kubeletVersions: [String] = []
    private(set) var nodeClaims: [NodeClaim] = []
    private(set) var nodePools: [NodePool] = []
    private(set) var nodeClasses: [AKSNodeClass] = []
    private(set) var podDisruptionBudgets: [PodDisruptionBudget] = []
    private(set) var priorityClasses: [(PriorityClass, ObjectOrigin)] = []
    private(set) var claims: [PersistentVolumeClaim] = []
    private(set) var volumes: [PersistentVolume] = []
    private(set) var storageClasses: [StorageClass] = []
    private(set) var csiNodes: [CSINode] = []
    private(set) var namespaces: [Namespace] = []
    private(set) var catalogs: [(InstanceTypeCatalog, ObjectOrigin)] = []
    /// Where each object was first seen, to report duplicates.
    private var seen: [String: ObjectOrigin] = [:]
    private(set) var latestTimestamp: Double = 0

    /// The most pods the workloads of one input may ask for (replicas, parallelism), ten times what nodeplan
    /// is built to plan: a hostile or mistyped `replicas: 2000000000` is refused instead of exhausting memory.
    public static let maxWorkloadPods = 1_000_000

    public init(cluster: Cluster = Cluster(), options: SolverOptions = SolverOptions()) {
        self.cluster = cluster
        self.options = options
    }

    /// Reads one YAML or JSON file (multi-document YAML and `kind: List` included).
    public mutating func addFile(atPath path: String) throws(InputError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, reason: "cannot read file")
        }
        try add(bytes: [UInt8](data), file: path)
    }

    /// Reads YAML or JSON text; `file` names it in errors.
    public mutating func add(text: String, file: String) throws(InputError) {
        try add(bytes: Array(text.utf8), file: file)
    }

    /// Reads UTF-8 YAML or JSON; `file` names it in errors.
    public mutating func add(bytes: [UInt8], file: String) throws(InputError) {
        do throws(InputError) {
            for document in try YAMLReader.documents(in: bytes) {
                for decoded in try ObjectDecoder.decode(document, file: file) { try add(decoded) }
            }
        } catch {
            throw error.within(file: file)
        }
    }

    private mutating func add(_ decoded: DecodedObject) throws(InputError) {
        let origin = decoded.origin
        if let first = seen[origin.object] {
            let place = [first.file, first.location?.description].compactMap { $0 }.joined(separator: ":")
            throw origin.error("duplicate object, first defined at \(place)")
        }
        seen[origin.object] = origin
        switch decoded.object {
        case .pod(let pod):
            pods.append((pod, origin))
            noteTimestamp(pod.meta)
        case .workload(let workload):
            workloads.append((workload, origin))
            noteTimestamp(workload.meta)
        case .daemonSet(let daemonSet): daemonSets.append((daemonSet, origin))
        case .node(let node, let kubeletVersion):
            nodes.append(node)
            if let kubeletVersion { kubeletVersions.append(kubeletVersion) }
            latestTimestamp = max(latestTimestamp, node.createdAt)
        case .nodeClaim(let nodeClaim):
            nodeClaims.append(nodeClaim)
            noteTimestamp(nodeClaim.meta)
        case .nodePool(let nodePool): nodePools.append(nodePool)
        case .nodeClass(let nodeClass): nodeClasses.append(nodeClass)
        case .podDisruptionBudget(let budget): podDisruptionBudgets.append(budget)
        case .priorityClass(let priorityClass): priorityClasses.append((priorityClass, origin))
        case .persistentVolumeClaim(let claim): claims.append(claim)
        case .persistentVolume(let volume): volumes.append(volume)
        case .storageClass(let storageClass): storageClasses.append(storageClass)
        case .csiNode(let csiNode): csiNodes.append(csiNode)
        case .namespace(let namespace): namespaces.append(namespace)
        case .catalog(let catalog): catalogs.append((catalog, origin))
        }
    }

    private mutating func noteTimestamp(_ meta: ObjectMeta) {
        latestTimestamp = max(latestTimestamp, meta.createdAt, meta.deletedAt ?? 0)
    }

    /// Resolves every reference and returns the snapshot.
    public func build() throws(InputError) -> Snapshot {
        let priorities = try PriorityResolver(classes: priorityClasses)
        let volumeResolver = VolumeResolver(claims: claims, volumes: volumes, storageClasses: storageClasses)
        let resolvedCluster = clusterFacts()

        var interner = PodInterner()
        var snapshotPods: [Pod] = []
        snapshotPods.reserveCapacity(pods.count)
        for (pod, origin) in pods {
            var spec = try resolvedSpec(pod.template, priorities: priorities, origin: origin, specPath: "spec")
            spec.volumes = volumeResolver.requirements(for: VolumeResolver.claims(of: pod.template, podName: pod.meta.name),
                                                       namespace: pod.meta.namespace)
            snapshotPods.append(Pod(name: pod.meta.name, uid: pod.meta.uid, spec: interner.index(of: spec),
                                    nodeName: pod.template.nodeName, nominatedNodeName: pod.nominatedNodeName,
                                    phase: pod.phase, createdAt: pod.meta.createdAt, deletedAt: pod.meta.deletedAt,
                                    annotations: SnapshotBuilder.podAnnotations(pod.meta.annotations)))
        }

        // Every template is resolved, not only those with pods to create, so errors do not depend on pod counts.
        // New pods get what admission would add, so they share a shape with their running siblings.
        var workloadSpecs: [PodSpec] = []
        for (workload, origin) in workloads {
            var spec = try resolvedSpec(workload.template, priorities: priorities, origin: origin,
                                        specPath: "spec.template.spec")
            spec.addDefaultNotReadyTolerations()
            workloadSpecs.append(spec)
        }
        try requireBoundedWorkloads()
        for pending in WorkloadExpander.pendingPods(workloads: workloads.map(\.0), pods: pods.map(\.0)) {
            let workload = workloads[pending.workload].0
            var spec = workloadSpecs[pending.template]
            spec.labels.merge(pending.extraLabels) { _, extra in extra }
            let template = workloads[pending.template].0.template
            let claims = VolumeResolver.claims(of: template, podName: pending.name) + pending.extraClaims
            spec.volumes = volumeResolver.requirements(for: claims, namespace: workload.meta.namespace)
            snapshotPods.append(Pod(name: pending.name, uid: "\(workload.meta.namespace)/\(pending.name)",
                                    spec: interner.index(of: spec), createdAt: resolvedCluster.now))
        }

        var snapshotDaemonSets: [DaemonSet] = []
        for (daemonSet, origin) in daemonSets {
            var spec = try resolvedSpec(daemonSet.template, priorities: priorities, origin: origin,
                                        specPath: "spec.template.spec")
            spec.volumes = volumeResolver.requirements(
                for: VolumeResolver.claims(of: daemonSet.template, podName: daemonSet.meta.name),
                namespace: daemonSet.meta.namespace)
            snapshotDaemonSets.append(DaemonSet(name: daemonSet.meta.name, template: spec))
        }

        let (instanceTypes, catalog) = try mergedCatalogs()
        return Snapshot(cluster: resolvedCluster, instanceTypes: instanceTypes, catalog: catalog, nodePools: nodePools,
                        nodeClasses: nodeClasses, nodes: assembledNodes(), podSpecs: interner.specs, pods: snapshotPods,
                        daemonSets: snapshotDaemonSets, podDisruptionBudgets: podDisruptionBudgets,
                        priorityClasses: priorityClasses.map(\.0), namespaces: namespaces, options: options)
    }

    /// Fails on the first workload that takes the total of desired pods past `maxWorkloadPods`.
    private func requireBoundedWorkloads() throws(InputError) {
        var total = 0
        for (workload, origin) in workloads {
            guard workload.desiredPods <= SnapshotBuilder.maxWorkloadPods - total else {
                let field = workload.kind == .job ? "spec.parallelism" : "spec.replicas"
                throw origin.error(fieldPath: field, "\(workload.desiredPods) pods take the workloads past "
                                   + "\(SnapshotBuilder.maxWorkloadPods) pods, the most one input may ask for")
            }
            total += workload.desiredPods
        }
    }

    /// The shared spec of a pod or template: priorities resolved and only shape-level annotations kept.
    private func resolvedSpec(_ template: PodTemplate, priorities: PriorityResolver, origin: ObjectOrigin,
                              specPath: String) throws(InputError) -> PodSpec {
        var spec = template.spec
        spec.annotations = spec.annotations.filter { SnapshotBuilder.isShapeAnnotation($0.key) }
        try priorities.resolve(template, into: &spec, origin: origin, specPath: specPath)
        return spec
    }

    /// Annotations that change how Karpenter treats a whole workload's pods (`karpenter.sh/do-not-disrupt`,
    /// cluster-autoscaler eviction hints) belong to the shared spec; other annotations are per-pod noise
    /// (controller bookkeeping, CNI addresses) that would defeat interning.
    private static func isShapeAnnotation(_ key: String) -> Bool {
        key.hasPrefix("karpenter.sh/") || key.hasPrefix("cluster-autoscaler.kubernetes.io/")
    }

    /// Per-pod annotations the solver reads.
    private static func podAnnotations(_ annotations: [String: String]) -> [String: String] {
        annotations.filter { $0.key == WellKnownAnnotation.podDeletionCost }
    }
}
