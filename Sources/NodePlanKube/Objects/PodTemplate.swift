import NodePlanModel

/// A pod volume that may constrain the node through a PersistentVolumeClaim.
enum PodVolume: Hashable, Sendable {
    /// `persistentVolumeClaim.claimName`.
    case claim(String)
    /// A generic ephemeral volume: its claim is named `<pod>-<volume>` once the pod exists.
    case ephemeral(volumeName: String, storageClassName: String?)
}

/// A decoded pod spec (of a pod or of a workload's template) before the snapshot builder
/// resolves priorities and volumes against the other objects.
struct PodTemplate: Hashable, Sendable {
    /// Everything but `priority`, `priorityClassName`, `preemptionPolicy` and `volumes`, which are resolved later.
    var spec: PodSpec
    /// `spec.priority` when set (admission fills it in for live pods).
    var priority: Int32?
    var priorityClassName: String?
    var preemptionPolicy: String?
    var volumes: [PodVolume]
    var nodeName: String
}
