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
    /// Each candidate waits only for the launches that take its pods (N→M re-pack), not for every
    /// replacement of the command (Karpenter's rule).
    var waitsPerCandidate = false

    /// Names the replacements `<pool>-replacement-<n>`, counting on from `count` earlier ones.
    mutating func numberReplacements(after count: Int) {
        for index in replacements.indices {
            replacements[index].name = "\(replacements[index].nodePool)-replacement-\(zeroPadded(count + index + 1))"
        }
    }

    /// One termination per candidate in `batch`: waiting for every replacement (or, with
    /// `waitsPerCandidate`, for those taking its pods) and for the launches of earlier batches that
    /// take its pods (`earlierLaunchOf`, by pod), evicting its reschedulable pods, with its share (by
    /// price) of the savings and its disruption cost.
    func terminations(batch: Int32, earlierLaunchOf: [Int32: String] = [:]) -> [NodeTermination] {
        let candidatesPrice = candidates.reduce(0) { $0 + ($1.price ?? 0) }
        var launchOf = earlierLaunchOf
        for replacement in replacements { for pod in replacement.pods { launchOf[pod] = replacement.name } }
        func launches(taking pods: [Int32], startingWith first: [String]) -> [String] {
            var names = first
            for pod in pods { if let name = launchOf[pod], !names.contains(name) { names.append(name) } }
            return names
        }
        let commandWaitFor = launches(taking: candidates.flatMap(\.reschedulablePods),
                                      startingWith: replacements.map(\.name))
        return candidates.map { candidate in
            let share = candidatesPrice > 0 ? (candidate.price ?? 0) / candidatesPrice : 1 / Double(candidates.count)
            let waitFor = waitsPerCandidate
                ? launches(taking: candidate.reschedulablePods, startingWith: []) : commandWaitFor
            return NodeTermination(node: candidate.name, reason: reason, waitFor: waitFor,
                                   evictedPods: candidate.reschedulablePods, batch: batch,
                                   savingsPerHour: savingsPerHour * share,
                                   disruptionCost: candidate.rescheduleDisruptionCost - 1)
        }
    }
}
