import NodePlanModel

extension Plan {
    /// `provisioning` (with any expirations) followed by `consolidation`, which was planned on the
    /// cluster provisioning leaves (`Snapshot.applying`), as one plan for `snapshot`: a pod consolidation moves goes
    /// where consolidation puts it; a termination evicts only pods bound to its node in `snapshot`
    /// (pods provisioning had just placed there simply go elsewhere).
    init(provisioning: Plan, then consolidation: Plan, for snapshot: Snapshot) {
        var moved = Set<Int32>()
        for launch in consolidation.launches { moved.formUnion(launch.pods) }
        for assignment in consolidation.assignments { moved.formUnion(assignment.pods) }

        var launches = provisioning.launches
        for index in launches.indices { launches[index].pods.removeAll(where: moved.contains) }
        launches += consolidation.launches

        let kept = provisioning.assignments.map { NodeAssignment(node: $0.node, pods: $0.pods.filter { !moved.contains($0) }) }

        // Expirations planned with provisioning wait for whichever launches finally take their pods.
        var launchOf: [Int32: String] = [:]
        for launch in launches { for pod in launch.pods { launchOf[pod] = launch.name } }
        let expirations = provisioning.terminations.map { termination in
            var termination = termination
            termination.waitFor = []
            for pod in termination.evictedPods {
                if let launch = launchOf[pod], !termination.waitFor.contains(launch) { termination.waitFor.append(launch) }
            }
            return termination
        }
        let terminations = expirations + consolidation.terminations.map { termination in
            var termination = termination
            termination.evictedPods.removeAll { snapshot.pods[Int($0)].nodeName != termination.node }
            return termination
        }
        let savings = consolidation.cost.before - consolidation.cost.after
        self.init(launches: launches,
                  assignments: NodeAssignment.merged(kept + consolidation.assignments),
                  terminations: terminations,
                  unschedulable: provisioning.unschedulable.filter { !moved.contains($0.pod) },
                  // The provisioning bound assumes every existing node stays; once nodes go it bounds a
                  // different problem, so a plan with terminations reports none (0) rather than a wrong one.
                  cost: CostSummary(before: provisioning.cost.before, after: provisioning.cost.after - savings,
                                    lowerBound: terminations.isEmpty ? provisioning.cost.lowerBound : 0),
                  timings: provisioning.timings.merging(consolidation.timings) { $0 + $1 },
                  warnings: provisioning.warnings + consolidation.warnings, strategy: provisioning.strategy)
    }
}
