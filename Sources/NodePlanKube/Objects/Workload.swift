/// Controllers whose pods the snapshot builder materialises.
enum WorkloadKind: String, Hashable, Sendable {
    case deployment = "Deployment"
    case replicaSet = "ReplicaSet"
    case statefulSet = "StatefulSet"
    case job = "Job"
}

/// A StatefulSet `volumeClaimTemplates` entry: each replica gets the claim `<name>-<set>-<ordinal>`.
struct VolumeClaimTemplate: Hashable, Sendable {
    var name: String
    var storageClassName: String?
}

/// A decoded Deployment, ReplicaSet, StatefulSet or Job: a pod template and how many pods of it should run.
struct Workload: Hashable, Sendable {
    var kind: WorkloadKind
    var meta: ObjectMeta
    /// Replicas for sets; for Jobs, parallelism bounded by the completions still to go.
    var desiredPods: Int
    var template: PodTemplate
    var volumeClaimTemplates: [VolumeClaimTemplate]
}
