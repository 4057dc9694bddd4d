import NodePlanModel

/// A NodePool ready for provisioning: its requirements, the instance types that survive them,
/// and DaemonSet overhead per instance-type group. (What its limits still allow changes during
/// the solve and is kept by the scheduler.)
///
/// A final class: every candidate check reads it, and a shared immutable reference costs one
/// retain where a struct copy would retain each field.
final class NodeClaimTemplate: Sendable {
    let pool: NodePool
    /// Pool requirements ∩ template labels ∩ `karpenter.sh/nodepool In [name]`.
    let requirements: Requirements
    let options: [InstanceTypeOption]
    /// Every index of `options`, shared by the NodeClaims that start with all of them.
    let allOptions: IndexBitmap
    let daemonSetGroups: DaemonSetOverheadGroups
    /// Per option, its allocatable minus its DaemonSet group's overhead: what pods may use
    /// (options never have negative allocatable, so fitting here is Karpenter's `Fits`).
    let rooms: [ResourceVector]
    /// Per resource, the largest room of any option: the headroom of a NodeClaim that may
    /// still become any of them.
    let headroom: ResourceVector
    /// Per resource, the largest capacity of any option (NodePool limits that cover it rule
    /// out no option), and an option that has it.
    let largestCapacity: ResourceVector
    let largestCapacityOption: [Int]
    /// Which options have room for a request vector.
    let roomIndex: RoomIndex

    init(pool: NodePool, requirements: Requirements, options: [InstanceTypeOption],
         daemonSetGroups: DaemonSetOverheadGroups, resourceCount: Int) {
        self.pool = pool
        self.requirements = requirements
        self.options = options
        allOptions = IndexBitmap(all: options.count)
        self.daemonSetGroups = daemonSetGroups
        rooms = options.indices.map { index in
            var room = options[index].allocatable
            room -= daemonSetGroups.group(ofOption: index).overhead
            return room
        }
        roomIndex = RoomIndex(rooms: rooms, resourceCount: resourceCount)
        headroom = rooms.dropFirst().reduce(rooms.first ?? ResourceVector(count: resourceCount)) { $0.maximum($1) }
        largestCapacity = options.reduce(ResourceVector(count: resourceCount)) { $0.maximum($1.capacity) }
        largestCapacityOption = (0..<resourceCount).map { position in
            options.indices.max { options[$0].capacity[position] < options[$1].capacity[position] } ?? 0
        }
    }

    var name: String { pool.name }

    /// Karpenter's template order: weight descending, ties by name descending.
    static func precedes(_ lhs: NodeClaimTemplate, _ rhs: NodeClaimTemplate) -> Bool {
        lhs.pool.weight != rhs.pool.weight ? lhs.pool.weight > rhs.pool.weight : lhs.pool.name > rhs.pool.name
    }
}
