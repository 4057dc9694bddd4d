import NodePlanModel

extension DisruptionBudget {
    /// What this budget allows right now for a pool of `poolSize` nodes.
    enum Allowance: Equatable {
        /// The budget does not apply now (its schedule window is closed) or not to this reason.
        case unlimited
        /// At most this many nodes at once; 0 when the budget is misconfigured (fail closed).
        case nodes(Int)
    }

    /// Karpenter's `GetAllowedDisruptionsByReason` for one budget: a count, or a percentage of the
    /// pool rounded up; only while a scheduled budget's window is open; misconfigured → 0.
    func allowance(for reason: DisruptionReason, poolSize: Int, now: Double) -> Allowance {
        guard reasons.isEmpty || reasons.contains(reason) else { return .unlimited }
        guard let limit = nodeLimit(poolSize: poolSize) else { return .nodes(0) }
        switch (schedule, durationSeconds) {
        case (nil, nil):
            return .nodes(limit)
        case let (schedule?, duration?):
            guard duration > 0, let cron = CronSchedule(schedule) else { return .nodes(0) }
            return cron.windowContains(now, duration: duration) ? .nodes(limit) : .unlimited
        default:
            return .nodes(0)  // A schedule needs a duration and vice versa.
        }
    }

    /// `nodes` as a count: "3", or "25%" of `poolSize` rounded up; nil when malformed.
    private func nodeLimit(poolSize: Int) -> Int? {
        if nodes.hasSuffix("%") {
            guard let percent = Int(nodes.dropLast()), (0...100).contains(percent) else { return nil }
            return (percent * poolSize + 99) / 100
        }
        guard let count = Int(nodes), count >= 0 else { return nil }
        return count
    }
}
