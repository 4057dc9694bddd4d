import NodePlanModel

/// A queue order the optimizing strategy tries. Every order keeps priority first (nodeplan places
/// important pods first whatever the strategy); they differ in which pods of a priority go first,
/// and so in how NodeClaims fill. Ties fall back to Karpenter's order, so each is deterministic.
enum PodOrder: Hashable, Sendable {
    /// Karpenter's: CPU, then memory, descending.
    case karpenter
    /// Memory, then CPU, descending: memory-bound mixes pack their big pods first.
    case memoryFirst
    /// The larger of a pod's shares of the batch's total CPU and memory, descending.
    case dominantShare
    /// Pods that need a node of their own (hostname anti-affinity, required or preferred, and
    /// DoNotSchedule hostname spread) first, then Karpenter's order: the nodes they force open
    /// exist before the other pods are packed into their leftover room.
    case nodeOpenersFirst
    /// Karpenter's CPU and memory shares, summed and scaled by a seeded factor in [0.75, 1.25)
    /// per pod: nearby sizes swap places, which opens NodeClaims in a different order.
    case perturbed(seed: UInt64)

    /// `batch` in this order.
    func ordered(_ batch: [Int32], scheduler: Scheduler) -> [Int32] {
        let karpenter = scheduler.queueOrdered(batch)
        guard self != .karpenter else { return karpenter }
        var totalCPU = 1.0
        var totalMemory = 1.0
        for pod in batch {
            let requests = scheduler.shape(of: pod).requests
            totalCPU += Double(requests[0])
            totalMemory += Double(requests[1])
        }
        let keys = karpenter.enumerated().map { position, pod -> (priority: Int32, size: Double, position: Int) in
            let shape = scheduler.shape(of: pod)
            let cpu = Double(shape.requests[0]) / totalCPU
            let memory = Double(shape.requests[1]) / totalMemory
            let size: Double
            switch self {
            case .karpenter: size = 0
            case .nodeOpenersFirst: size = Self.opensNode(shape, topology: scheduler.topology) ? 1 : 0
            case .memoryFirst: size = memory + cpu * 1e-9
            case .dominantShare: size = max(cpu, memory)
            case .perturbed(let seed): size = (cpu + memory) * (0.75 + 0.5 * Self.unitNoise(seed: seed, pod: pod))
            }
            return (shape.priority, size, position)
        }
        return keys.sorted { lhs, rhs in
            if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
            if lhs.size != rhs.size { return lhs.size > rhs.size }
            return lhs.position < rhs.position
        }.map { karpenter[$0.position] }
    }

    /// Whether pods of `shape` keep apart per hostname, so that each tends to open a node.
    private static func opensNode(_ shape: PodShape, topology: Topology) -> Bool {
        let constraints = shape.constraints
        return constraints.antiAffinity.contains { topology.groups[$0.group].key == WellKnownLabel.hostname }
            || constraints.spread.contains {
                $0.action == .doNotSchedule && topology.groups[$0.group].key == WellKnownLabel.hostname
            }
    }

    /// A value in [0, 1) fixed by `seed` and `pod` (SplitMix64's finalizer).
    private static func unitNoise(seed: UInt64, pod: Int32) -> Double {
        var mixed = seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(UInt32(bitPattern: pod))
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        mixed ^= mixed >> 31
        return Double(mixed >> 11) / Double(UInt64(1) << 53)
    }
}
