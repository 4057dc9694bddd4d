import NodePlanModel
import NodePlanValidator

/// The improvement move: re-pack the pods of a plan's most wasteful new nodes.
///
/// The other launches become in-flight nodes of a derived snapshot (their pods bound, so topology
/// counts them) that take no further pods, and the freed pods are provisioned again on their own,
/// with any portfolio member's settings. Freed pods can then share nodes they never met in the
/// full solve, and land on types sized for them. The combined plan is kept only when it places at
/// least as many pods, costs less, and the independent validator finds nothing in it: moving
/// pods can undo what a kept pod's own rule counted on (a required affinity to a freed pod, say).
struct WorstNodeRepack {
    var snapshot: Snapshot
    var instanceTypes: [String: [InstanceType]]?
    var options: SolverOptions

    /// `incumbent` with its `count` most wasteful launches re-packed by `member`, or nil when
    /// that is not a valid, cheaper plan.
    func improve(_ incumbent: PortfolioResult, count: Int, member: PortfolioMember) -> PortfolioResult? {
        let plan = incumbent.plan
        guard plan.launches.count >= 2 else { return nil }
        let freed = Set(mostWasteful(plan.launches, count: count))
        var kept = Plan(assignments: plan.assignments)
        kept.launches = plan.launches.indices.filter { !freed.contains($0) }.map { plan.launches[$0] }
        var derived = snapshot.applying(kept, instanceTypes: instanceTypes)
        // The kept launches hold what they hold: no pod fits a node with a negative pod allowance.
        for node in snapshot.nodes.count..<derived.nodes.count {
            derived.nodes[node].allocatable[ResourceName.pods] = .units(-1)
        }
        let (repacked, _) = member.run(snapshot: derived, instanceTypes: instanceTypes, options: options)
        guard repacked.unschedulable.count <= plan.unschedulable.count else { return nil }
        let price = { (launches: [NodeLaunch]) in launches.reduce(0) { $0 + $1.choice.price } }
        guard price(kept.launches) + price(repacked.launches) < incumbent.newNodeCost * (1 - 1e-9) else { return nil }

        var combined = plan
        combined.launches = (kept.launches + repacked.launches).enumerated().map { ordinal, launch in
            var renamed = launch
            renamed.name = "\(launch.nodePool)-\(zeroPadded(ordinal + 1))"
            return renamed
        }
        var assigned = Dictionary(plan.assignments.map { ($0.node, $0.pods) }, uniquingKeysWith: +)
        for assignment in repacked.assignments { assigned[assignment.node, default: []] += assignment.pods }
        combined.assignments = assigned.keys.sorted().map { NodeAssignment(node: $0, pods: assigned[$0]!) }
        combined.unschedulable = repacked.unschedulable
        guard PlanValidator.validate(snapshot: snapshot, instanceTypes: instanceTypes ?? [:], plan: combined).isEmpty
        else { return nil }
        return PortfolioResult(round: incumbent.round, member: incumbent.member, definition: incumbent.definition,
                               plan: combined, setup: incumbent.setup)
    }

    /// Indices of the `count` launches that pay most for room their pods do not use: price times
    /// the unused share of the resource they use most (CPU or memory); ties by position.
    private func mostWasteful(_ launches: [NodeLaunch], count: Int) -> [Int] {
        var allocatable: [String: [String: ResourceList]] = [:]
        let waste = launches.map { launch -> Double in
            if allocatable[launch.nodePool] == nil {
                let types = instanceTypes?[launch.nodePool] ?? snapshot.instanceTypes
                allocatable[launch.nodePool] = Dictionary(types.map { ($0.name, $0.allocatable) },
                                                          uniquingKeysWith: { first, _ in first })
            }
            guard let room = allocatable[launch.nodePool]?[launch.choice.instanceType] else { return 0 }
            var used = 0.0
            for resource in [ResourceName.cpu, ResourceName.memory] where room[resource].milli > 0 {
                used = max(used, Double(launch.requests[resource].milli) / Double(room[resource].milli))
            }
            return launch.choice.price * (1 - min(used, 1))
        }
        return waste.indices.sorted { waste[$0] != waste[$1] ? waste[$0] > waste[$1] : $0 < $1 }
            .prefix(count).map { $0 }
    }
}
