import NodePlanModel

/// Turns a pod's persistent volume claims into node requirements, as Karpenter's volume
/// topology does: a bound claim's PersistentVolume node affinity, or for an unbound claim of a
/// `WaitForFirstConsumer` StorageClass the class's `allowedTopologies`. Each claim also counts
/// against its CSI driver's attach limit.
struct VolumeResolver {
    /// A claim a pod needs: its name, and the storage class to assume if the claim does not exist yet.
    struct Claim {
        var name: String
        var storageClassName: String?
    }

    private var claims: [String: PersistentVolumeClaim] = [:]
    private var volumes: [String: PersistentVolume] = [:]
    private var storageClasses: [String: StorageClass] = [:]
    private var defaultStorageClass: StorageClass?

    init(claims: [PersistentVolumeClaim], volumes: [PersistentVolume], storageClasses: [StorageClass]) {
        for claim in claims { self.claims[claim.namespace + "/" + claim.name] = claim }
        for volume in volumes { self.volumes[volume.name] = volume }
        for storageClass in storageClasses {
            self.storageClasses[storageClass.name] = storageClass
            if storageClass.isDefault, defaultStorageClass.map({ storageClass.name < $0.name }) ?? true {
                defaultStorageClass = storageClass
            }
        }
    }

    /// The claims `template` needs as pod `podName` (generic ephemeral volumes are named after the pod).
    static func claims(of template: PodTemplate, podName: String) -> [Claim] {
        template.volumes.map { volume in
            switch volume {
            case .claim(let name): Claim(name: name, storageClassName: nil)
            case .ephemeral(let volumeName, let storageClassName):
                Claim(name: podName + "-" + volumeName, storageClassName: storageClassName)
            }
        }
    }

    /// The combined requirements of `claims` in `namespace`: the node must satisfy one alternative of every claim.
    func requirements(for claims: [Claim], namespace: String) -> VolumeRequirements {
        var alternatives: [[NodeSelectorRequirement]] = [[]]
        var attachments: [String: Int] = [:]
        for claim in claims {
            let (topology, driver) = resolve(claim, namespace: namespace)
            if let driver { attachments[driver, default: 0] += 1 }
            guard !topology.isEmpty else { continue }
            alternatives = alternatives.flatMap { chosen in topology.map { chosen + $0 } }
        }
        return VolumeRequirements(topologyAlternatives: alternatives == [[]] ? [] : alternatives, attachments: attachments)
    }

    /// One claim's topology alternatives (empty: unconstrained) and the CSI driver it attaches through.
    private func resolve(_ claim: Claim, namespace: String) -> ([[NodeSelectorRequirement]], String?) {
        let existing = claims[namespace + "/" + claim.name]
        if let existing, !existing.volumeName.isEmpty {
            guard let volume = volumes[existing.volumeName] else { return ([], nil) }
            return (VolumeResolver.withoutHostname(volume.nodeAffinity), volume.csiDriver)
        }
        let className = existing?.storageClassName ?? claim.storageClassName
        let storageClass: StorageClass? = switch className {
        case nil: defaultStorageClass
        case ""?: nil
        case let name?: storageClasses[name]
        }
        guard let storageClass else { return ([], nil) }
        let topology = storageClass.waitForFirstConsumer ? storageClass.allowedTopologies : []
        return (topology, storageClass.provisioner)
    }

    /// Local volumes pin pods to one hostname; Karpenter ignores that part (a new node has a new name).
    /// An alternative left empty makes the whole volume unconstrained.
    private static func withoutHostname(_ alternatives: [[NodeSelectorRequirement]]) -> [[NodeSelectorRequirement]] {
        let filtered = alternatives.map { $0.filter { $0.key != WellKnownLabel.hostname } }
        return filtered.contains(where: \.isEmpty) ? [] : filtered
    }
}
