import NodePlanModel

/// A decoded `storage.k8s.io/v1` StorageClass.
struct StorageClass: Hashable, Sendable {
    var name: String
    var provisioner: String
    /// True for `WaitForFirstConsumer`: the volume is created where the pod lands, within `allowedTopologies`.
    var waitForFirstConsumer: Bool
    /// `allowedTopologies` terms: OR-ed alternatives.
    var allowedTopologies: [[NodeSelectorRequirement]]
    /// Annotated `storageclass.kubernetes.io/is-default-class: "true"`.
    var isDefault: Bool
}
