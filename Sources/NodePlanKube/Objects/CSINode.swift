/// A decoded `storage.k8s.io/v1` CSINode: per-driver volume attach limits of one node.
struct CSINode: Hashable, Sendable {
    var name: String
    var attachLimits: [String: Int]
}
