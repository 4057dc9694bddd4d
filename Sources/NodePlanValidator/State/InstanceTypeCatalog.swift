import NodePlanModel

/// The instance types each NodePool may launch, by name.
struct InstanceTypeCatalog: Sendable {
    private var byPool: [String: [String: InstanceType]]
    private var shared: [String: InstanceType]?

    /// `perPool` keyed by NodePool name; when empty, `snapshot.instanceTypes` serve every pool.
    init(snapshot: Snapshot, perPool: [String: [InstanceType]]) {
        func index(_ types: [InstanceType]) -> [String: InstanceType] {
            Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        }
        if perPool.isEmpty {
            byPool = [:]
            shared = index(snapshot.instanceTypes)
        } else {
            byPool = perPool.mapValues(index)
            shared = nil
        }
    }

    func instanceType(named name: String, pool: String) -> InstanceType? {
        (shared ?? byPool[pool])?[name]
    }
}
