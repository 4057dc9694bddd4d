import NodePlanModel

/// One disruption decision: remove these candidates for one reason, launching the replacements
/// (zero or more) first and moving the candidates' pods as the simulation placed them.
struct ConsolidationCommand {
    var candidates: [DisruptionCandidate]
    var reason: TerminationReason
    var replacements: [NodeLaunch]
    /// Candidate pods moved onto remaining nodes.
    var assignments: [NodeAssignment]
    /// USD per hour: the candidates' price minus the replacements'.
    var savingsPerHour: Double

    /// The command as a plan for `snapshot`: one termination per candidate (waiting for every
    /// replacement, evicting its reschedulable pods, its share of the savings), the replacements
    /// and the moves.
    func plan(for snapshot: Snapshot) -> Plan {
        let candidatesPrice = candidates.reduce(0) { $0 + ($1.price ?? 0) }
        let waitFor = replacements.map(\.name)
        let terminations = candidates.map { candidate in
            let share = candidatesPrice > 0 ? (candidate.price ?? 0) / candidatesPrice : 1 / Double(candidates.count)
            return NodeTermination(node: candidate.name, reason: reason, waitFor: waitFor,
                                   evictedPods: candidate.reschedulablePods, batch: 0,
                                   savingsPerHour: savingsPerHour * share)
        }
        let before = snapshot.nodes.reduce(0) { $0 + ($1.price ?? 0) }
        return Plan(launches: replacements, assignments: assignments, terminations: terminations,
                    cost: CostSummary(before: before, after: before - savingsPerHour), strategy: .karpenter)
    }
}
