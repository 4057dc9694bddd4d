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

    /// Names the replacements `<pool>-replacement-<n>`, counting on from `count` earlier ones.
    mutating func numberReplacements(after count: Int) {
        for index in replacements.indices {
            replacements[index].name = "\(replacements[index].nodePool)-replacement-\(zeroPadded(count + index + 1))"
        }
    }

    /// One termination per candidate in `batch`: waiting for every replacement (and for the
    /// `earlierLaunches` that receive pods of this command), evicting its reschedulable pods, with
    /// its share (by price) of the savings and its disruption cost.
    func terminations(batch: Int32, alsoWaitingFor earlierLaunches: [String] = []) -> [NodeTermination] {
        let candidatesPrice = candidates.reduce(0) { $0 + ($1.price ?? 0) }
        var waitFor = replacements.map(\.name)
        for launch in earlierLaunches where !waitFor.contains(launch) { waitFor.append(launch) }
        return candidates.map { candidate in
            let share = candidatesPrice > 0 ? (candidate.price ?? 0) / candidatesPrice : 1 / Double(candidates.count)
            return NodeTermination(node: candidate.name, reason: reason, waitFor: waitFor,
                                   evictedPods: candidate.reschedulablePods, batch: batch,
                                   savingsPerHour: savingsPerHour * share,
                                   disruptionCost: candidate.rescheduleDisruptionCost - 1)
        }
    }
}
