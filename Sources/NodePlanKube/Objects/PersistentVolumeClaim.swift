/// A decoded `v1/PersistentVolumeClaim`.
struct PersistentVolumeClaim: Hashable, Sendable {
    var name: String
    var namespace: String
    /// The bound PersistentVolume; empty while unbound.
    var volumeName: String
    /// Nil means the cluster's default StorageClass; empty means no class.
    var storageClassName: String?
}
