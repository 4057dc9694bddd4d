import NodePlanModel

/// The `metadata` every Kubernetes object carries, as far as snapshots need it.
struct ObjectMeta: Hashable, Sendable {
    var name: String
    var namespace: String
    var uid: String
    var labels: [String: String]
    var annotations: [String: String]
    /// The controlling owner (`controller: true`), else the first owner.
    var owner: OwnerReference?
    /// Seconds since the Unix epoch; 0 when unknown.
    var createdAt: Double
    var deletedAt: Double?

    init(name: String, namespace: String = "", uid: String = "", labels: [String: String] = [:],
         annotations: [String: String] = [:], owner: OwnerReference? = nil, createdAt: Double = 0,
         deletedAt: Double? = nil) {
        self.name = name
        self.namespace = namespace
        self.uid = uid
        self.labels = labels
        self.annotations = annotations
        self.owner = owner
        self.createdAt = createdAt
        self.deletedAt = deletedAt
    }
}
