import NodePlanModel

/// A decoded `v1/PersistentVolume`.
struct PersistentVolume: Hashable, Sendable {
    var name: String
    /// `spec.nodeAffinity.required.nodeSelectorTerms`: OR-ed alternatives.
    var nodeAffinity: [[NodeSelectorRequirement]]
    /// `spec.csi.driver`, the driver whose attach limit the volume counts against.
    var csiDriver: String?
}
