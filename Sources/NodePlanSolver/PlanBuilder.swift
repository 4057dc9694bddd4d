import NodePlanModel

/// Turns the scheduler's final state into a `Plan`: launches with their chosen offering and
/// fallbacks, assignments to existing nodes, unplaced pods with reasons, and cost.
struct PlanBuilder {
    /// Karpenter writes at most this many instance types into a NodeClaim.
    static let maxInstanceTypes = 600

    var plan = Plan(strategy: .karpenter)

    /// Everything about a launch but its name, pods and requests, by NodePool, requirements and
    /// options: NodeClaims of one workload usually end up alike, and ranking a large catalog (and
    /// sorting its instance-type names) for each would dominate the build.
    private struct LaunchKey: Hashable {
        var template: Int
        var requirements: Requirements
        var options: IndexBitmap
    }
    private struct LaunchShape {
        var choice: LaunchOption
        var fallbacks: [LaunchOption]
        var requirements: [NodeSelectorRequirement]
        var labels: [String: String]
        var overhead: ResourceVector
    }
    private var launchShapes: [LaunchKey: LaunchShape] = [:]
    /// Per NodePool and offering filter, all its options ranked.
    private struct RankingKey: Hashable {
        var template: Int
        var filter: InstanceTypeOption.OfferingFilter
    }
    private var rankings: [RankingKey: OfferingRanking.PoolRanking] = [:]

    init(snapshot: Snapshot, setup: ProvisioningSetup, scheduler: Scheduler, options: SolverOptions) {
        for node in scheduler.existingNodes.sorted(by: { $0.name < $1.name }) where !node.placed.isEmpty {
            plan.assignments.append(NodeAssignment(node: node.name, pods: node.placed))
        }
        for (ordinal, claim) in scheduler.newClaims.enumerated() {
            plan.launches.append(launch(claim, ordinal: ordinal, scheduler: scheduler,
                                        maxFallbacks: Int(options.maxFallbacks)))
        }
        for (pod, reason) in setup.ignored {
            plan.unschedulable.append(UnschedulablePod(pod: pod, reason: "ignored by provisioning: pod \(reason)"))
        }
        let preemption = scheduler.failures.values.contains(where: \.isCapacityShortage)
            ? Preemption(snapshot: snapshot, resources: scheduler.resources) : nil
        for (pod, failure) in scheduler.failures {
            let spec = snapshot.podSpecs[Int(snapshot.pods[Int(pod)].spec)]
            let candidates = failure.isCapacityShortage
                ? preemption?.candidates(for: pod, spec: spec, scheduler: scheduler) ?? [] : []
            plan.unschedulable.append(UnschedulablePod(pod: pod, reason: failure.reason, details: failure.details,
                                                       preemptionCandidates: candidates))
        }
        plan.unschedulable.sort { $0.pod < $1.pod }
        plan.warnings = setup.warnings
    }

    /// The launch of one new NodeClaim: the cheapest available offering among its fitting
    /// instance types, the next ones as fallbacks, requests with the smallest DaemonSet overhead
    /// of its remaining options, and labels from the pool and single-valued custom requirements.
    private mutating func launch(_ claim: NewNodeClaim, ordinal: Int, scheduler: Scheduler,
                                 maxFallbacks: Int) -> NodeLaunch {
        let template = scheduler.templates[claim.template]
        var requirements = claim.requirements
        requirements.remove(WellKnownLabel.hostname)
        let key = LaunchKey(template: claim.template, requirements: requirements, options: claim.optionSet)
        let shape = launchShapes[key] ?? launchShape(claim, of: template, requirements: requirements,
                                                     maxFallbacks: maxFallbacks)
        launchShapes[key] = shape
        return NodeLaunch(
            name: "\(template.name)-\(zeroPadded(ordinal + 1))", nodePool: template.name,
            choice: shape.choice, fallbacks: shape.fallbacks, requirements: shape.requirements, labels: shape.labels,
            taints: template.pool.taints, startupTaints: template.pool.startupTaints, pods: claim.pods,
            requests: scheduler.resources.list(claim.requests + shape.overhead),
            minValuesRelaxed: claim.minValuesRelaxed)
    }

    private mutating func launchShape(_ claim: NewNodeClaim, of template: NodeClaimTemplate,
                                      requirements: Requirements, maxFallbacks: Int) -> LaunchShape {
        var requirements = requirements
        let rankingKey = RankingKey(template: claim.template, filter: InstanceTypeOption.OfferingFilter(requirements))
        let ranking = rankings[rankingKey] ?? OfferingRanking.PoolRanking(template.options, filter: rankingKey.filter)
        rankings[rankingKey] = ranking
        let (byCheapest, ranked, capacityTypes) = ranking.rank(claim.optionSet, count: maxFallbacks + 1)
        // As Karpenter's NodeClaim: the cheapest instance types, and the capacity types they offer.
        requirements.add(Requirement(key: WellKnownLabel.instanceType, operator: .in,
                                     values: Array(byCheapest.prefix(Self.maxInstanceTypes))))
        requirements.add(Requirement(key: WellKnownLabel.capacityType, operator: .in,
                                     values: capacityTypes.map(\.rawValue)))

        let options = claim.options
        var overhead = template.daemonSetGroups.group(ofOption: options[0]).overhead
        for option in options.dropFirst() {
            overhead = overhead.minimum(template.daemonSetGroups.group(ofOption: option).overhead)
        }

        var labels = template.pool.labels
        labels[WellKnownLabel.nodePool] = template.name
        for key in requirements.keys where !LabelKeys.isWellKnown(key) && !LabelKeys.isRestricted(key) {
            if let value = requirements.get(key).singleValue { labels[key] = value }
        }
        return LaunchShape(choice: ranked[0], fallbacks: Array(ranked.dropFirst().prefix(maxFallbacks)),
                           requirements: requirements.nodeSelectorRequirements, labels: labels, overhead: overhead)
    }
}
