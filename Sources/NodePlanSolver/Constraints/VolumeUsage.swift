import NodePlanModel

/// CSI attach counts on an existing node against its per-driver limits (new NodeClaims are unlimited).
struct VolumeUsage: Hashable, Sendable {
    var limits: [String: Int]
    private(set) var attached: [String: Int] = [:]

    init(limits: [String: Int]) { self.limits = limits }

    mutating func add(_ attachments: [String: Int]) {
        for (driver, count) in attachments { attached[driver, default: 0] += count }
    }

    /// The first driver (sorted) whose limit `attachments` would exceed.
    func firstExceeded(by attachments: [String: Int]) -> String? {
        attachments.keys.sorted().first { driver in
            guard let limit = limits[driver] else { return false }
            return attached[driver, default: 0] + attachments[driver]! > limit
        }
    }
}
