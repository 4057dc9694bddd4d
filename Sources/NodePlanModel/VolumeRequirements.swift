/// What a pod's persistent volumes demand of its node, already resolved from PVCs, PVs and
/// StorageClasses by whoever built the snapshot.
public struct VolumeRequirements: Hashable, Sendable, Codable {
    /// Alternative sets of node requirements (e.g. the zones a bound PV or a StorageClass's
    /// allowedTopologies permit); the node must satisfy at least one. Empty means unconstrained.
    public var topologyAlternatives: [[NodeSelectorRequirement]]
    /// Volumes that count against per-driver attach limits on existing nodes, by CSI driver name.
    public var attachments: [String: Int]

    public init(topologyAlternatives: [[NodeSelectorRequirement]] = [], attachments: [String: Int] = [:]) {
        self.topologyAlternatives = topologyAlternatives
        self.attachments = attachments
    }

    public var isEmpty: Bool { topologyAlternatives.isEmpty && attachments.isEmpty }
}
