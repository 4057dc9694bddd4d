import NodePlanKube
import NodePlanModel

/// Builds the solver's snapshot from the cluster cache, decoding every object with NodePlanKube exactly as
/// `kubectl get -o json` output would be decoded. An object that fails to decode is left out and reported,
/// so that one malformed pod cannot stop provisioning for the rest.
public struct SnapshotAssembler: Sendable {
    /// What went in, and what was left out.
    public struct Assembled: Sendable {
        public var snapshot: Snapshot
        /// `Kind namespace/name: reason` for each object left out.
        public var skipped: [String]
    }

    /// Cluster facts (`region` and `kubernetesVersion` are replaced by what the nodes report).
    public var cluster: Cluster
    public var options: SolverOptions
    /// Explicit instance types offered to every NodePool.
    public var instanceTypes: [InstanceType]
    /// The built-in Azure catalog selection; nil sends only `instanceTypes`.
    public var catalog: CatalogSelection?

    public init(cluster: Cluster, options: SolverOptions = SolverOptions(), instanceTypes: [InstanceType] = [],
                catalog: CatalogSelection? = CatalogSelection()) {
        self.cluster = cluster
        self.options = options
        self.instanceTypes = instanceTypes
        self.catalog = catalog
    }

    /// The snapshot at `now` (seconds since the Unix epoch), with `unavailable` offerings marked unavailable.
    public func assemble(from cache: ClusterCache, now: Double, unavailable: [UnavailableOffering] = []) throws -> Assembled {
        var clusterAtNow = cluster
        clusterAtNow.now = now
        var builder = SnapshotBuilder(cluster: clusterAtNow, options: options)
        var skipped: [String] = []
        for resource in KubeResource.watched {
            for object in cache.objects(resource) where Self.belongsInSnapshot(object, resource) {
                do {
                    try builder.add(bytes: object.serialized, file: "\(resource.plural)/\(object.objectKey)")
                } catch {
                    skipped.append("\(resource.kind) \(object.objectKey): \(error)")
                }
            }
        }
        var snapshot = try builder.build()
        snapshot.instanceTypes = instanceTypes
        snapshot.catalog = catalog
        Self.mark(unavailable, in: &snapshot)
        return Assembled(snapshot: snapshot, skipped: skipped)
    }

    /// Pods that are bound and not finished, and pending pods the scheduler found no node for (Karpenter's
    /// provisionable pods: `PodScheduled=False/Unschedulable`, not DaemonSet pods). Pods the scheduler has
    /// not looked at yet are left for it.
    static func belongsInSnapshot(_ object: JSONValue, _ resource: KubeResource) -> Bool {
        guard resource == .pods else { return true }
        let phase = object[["status", "phase"]]?.stringValue ?? "Pending"
        if phase == "Succeeded" || phase == "Failed" { return false }
        if !(object[["spec", "nodeName"]]?.stringValue ?? "").isEmpty { return true }
        return isProvisionable(object)
    }

    /// Whether a pod is pending because no node can take it, and is Karpenter's to provision for.
    public static func isProvisionable(_ pod: JSONValue) -> Bool {
        guard (pod[["spec", "nodeName"]]?.stringValue ?? "").isEmpty, !pod.isDeleting else { return false }
        let ownedByDaemonSet = pod[["metadata", "ownerReferences"]]?.arrayValue?.contains {
            $0["kind"]?.stringValue == "DaemonSet"
        } ?? false
        guard !ownedByDaemonSet else { return false }
        let scheduled = pod.condition("PodScheduled")
        return scheduled?["status"]?.stringValue == "False" && scheduled?["reason"]?.stringValue == "Unschedulable"
    }

    /// Marks offerings unavailable: as catalog overrides when the built-in catalog is used, and on the
    /// explicit instance types.
    static func mark(_ unavailable: [UnavailableOffering], in snapshot: inout Snapshot) {
        guard !unavailable.isEmpty else { return }
        let keys = Set(unavailable)
        for index in snapshot.instanceTypes.indices {
            let name = snapshot.instanceTypes[index].name
            for offering in snapshot.instanceTypes[index].offerings.indices {
                let current = snapshot.instanceTypes[index].offerings[offering]
                if keys.contains(UnavailableOffering(instanceType: name, zone: current.zone, capacityType: current.capacityType)) {
                    snapshot.instanceTypes[index].offerings[offering].available = false
                }
            }
        }
        if snapshot.catalog != nil {
            let explicit = Set(snapshot.instanceTypes.map(\.name))
            snapshot.catalog!.overrides += unavailable.filter { !explicit.contains($0.instanceType) }
                .sorted { ($0.instanceType, $0.zone, $0.capacityType.rawValue) < ($1.instanceType, $1.zone, $1.capacityType.rawValue) }
                .map { OfferingOverride(instanceType: $0.instanceType, zone: $0.zone, capacityType: $0.capacityType, available: false) }
        }
    }
}
