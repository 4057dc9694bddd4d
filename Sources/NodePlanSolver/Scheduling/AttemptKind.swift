/// Attempts that `NewNodeClaim.quickRejection` judges alike: pods of one spec after the same
/// number of relaxations (relaxing is deterministic, so they carry the same constraints).
struct AttemptKind: Hashable {
    var spec: Int32
    var relaxations: Int
}
