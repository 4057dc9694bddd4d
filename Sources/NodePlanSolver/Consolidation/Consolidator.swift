import NodePlanModel

/// Disruption with Karpenter's semantics: finds the nodes the cluster can do without (empty,
/// drifted, or replaceable by one cheaper node) and plans their removal within disruption budgets,
/// PodDisruptionBudgets and `karpenter.sh/do-not-disrupt`.
///
/// The methods run in Karpenter's order and the first that yields a command wins: Emptiness,
/// Drift, Multi-node consolidation, Single-node consolidation. Every move is simulated with the
/// provisioning scheduler (`ConsolidationSimulation`, prepared once per batch), so the pods of a
/// removed node are placed by Karpenter's full rule set.
///
/// Beyond Karpenter, underutilized moves must save at least `options.minimumSavingsPerHour` and
/// `options.minimumSavingsFraction` of the removed nodes' price, so a steady cluster is left alone;
/// and with the `optimize` strategy a re-pack, competing with multi-node consolidation, removes a
/// set of underutilized nodes and re-provisions their pods on as many new nodes as needed (N→M).
///
/// Pending pods take part in each simulation as in Karpenter; `Planner` provisions them first.
public struct Consolidator: Sendable {
    /// `options.spotToSpotConsolidation` is Karpenter's feature gate for replacing spot nodes by
    /// cheaper spot nodes; the strategy picks Karpenter's methods alone or with the re-pack.
    public var options: SolverOptions

    /// Karpenter's multi-node consolidation looks at no more than this many candidates.
    static let maxMultiNodeCandidates = 100
    /// The re-pack moves at most this many nodes in one batch.
    static let maxRepackCandidates = 200
    /// Commands planned in one go (each a batch), which bounds the work of one call.
    static let maxBatches = 8

    public init(options: SolverOptions = SolverOptions()) {
        self.options = options
    }

    /// Plans the disruption of `snapshot`: terminations with their reasons, the replacement launches
    /// they wait for, and where each evicted pod goes. An empty plan when nothing is worth disrupting.
    ///
    /// Karpenter acts one command at a time; the plan holds successive commands as batches: batch
    /// n+1 is planned on the cluster batch n leaves (its nodes gone, its replacements up and able
    /// to take pods), with fresh budgets, and never evicts pods from a node batch n moved pods onto.
    ///
    /// - Parameters:
    ///   - instanceTypes: instance types per NodePool name, as for `Provisioner.solve`.
    ///   - control: polled before each batch and each simulation; once `isCancelled()` is true the
    ///     call returns at once an incomplete plan that the caller discards.
    /// - Throws: `ProvisioningInputError` naming the field when the snapshot is inconsistent.
    public func consolidate(snapshot: Snapshot, instanceTypes: [String: [InstanceType]]? = nil,
                            control: SolveControl = .unbounded) throws(ProvisioningInputError) -> Plan {
        try ProvisioningInputError.validate(snapshot)
        var plan = Plan(strategy: options.strategy)
        var current = snapshot
        var savings = 0.0
        var earlier: ConsolidationSimulation?
        for batch in 0..<Self.maxBatches where !control.isCancelled() {
            let run = Run(consolidator: self, snapshot: current, instanceTypes: instanceTypes, earlier: earlier,
                          control: control)
            earlier = run.simulation
            guard var command = run.firstCommand() else { break }
            command.numberReplacements(after: plan.launches.count)
            // Pods moved onto an earlier batch's replacement join that launch, which their nodes'
            // terminations then wait for as well.
            var earlierLaunchOf: [Int32: String] = [:]
            var assignments: [NodeAssignment] = []
            for assignment in command.assignments {
                if let launch = plan.launches.firstIndex(where: { $0.name == assignment.node }) {
                    plan.launches[launch].pods += assignment.pods
                    for pod in assignment.pods {
                        plan.launches[launch].requests = plan.launches[launch].requests
                            + snapshot.spec(of: snapshot.pods[Int(pod)]).effectiveRequests
                    }
                    for pod in assignment.pods { earlierLaunchOf[pod] = assignment.node }
                } else {
                    assignments.append(assignment)
                }
            }
            let terminations = command.terminations(batch: Int32(batch), earlierLaunchOf: earlierLaunchOf)
            plan.launches += command.replacements
            plan.assignments += assignments
            plan.terminations += terminations
            savings += command.savingsPerHour
            current = current.after(Plan(launches: command.replacements, assignments: command.assignments,
                                         terminations: terminations), instanceTypes: instanceTypes)
        }
        plan.assignments = NodeAssignment.merged(plan.assignments)
        let before = snapshot.existingNodeCost(instanceTypes: instanceTypes)
        plan.cost = CostSummary(before: before, after: before - savings)
        return plan
    }

    /// One consolidation pass over a snapshot.
    private struct Run {
        var consolidator: Consolidator
        var snapshot: Snapshot
        var instanceTypes: [String: [InstanceType]]?
        var candidates: [DisruptionCandidate]
        var budgets: DisruptionBudgets
        var simulation: ConsolidationSimulation
        var balanced: BalancedScoring

        init(consolidator: Consolidator, snapshot: Snapshot, instanceTypes: [String: [InstanceType]]?,
             earlier: ConsolidationSimulation?, control: SolveControl) {
            self.consolidator = consolidator
            self.snapshot = snapshot
            self.instanceTypes = instanceTypes
            candidates = CandidateSelection(snapshot: snapshot, instanceTypes: instanceTypes).candidates
            budgets = DisruptionBudgets(snapshot: snapshot)
            balanced = BalancedScoring(snapshot: snapshot)
            simulation = ConsolidationSimulation(snapshot: snapshot, instanceTypes: instanceTypes,
                                                 options: consolidator.options,
                                                 candidates: candidates.filter { !$0.isEmpty }, earlier: earlier,
                                                 control: control)
        }

        /// Karpenter's methods in order, the first command wins. With `optimize`, the N→M re-pack
        /// competes with multi-node consolidation and the larger saving wins.
        func firstCommand() -> ConsolidationCommand? {
            if let command = emptiness() { return command }
            if let command = drift() { return command }
            let multi = multiNode()
            if consolidator.options.strategy == .optimize, let repack = repack(),
               repack.savingsPerHour > multi?.savingsPerHour ?? 0 {
                return repack
            }
            return multi ?? singleNode()
        }

        // MARK: Methods

        /// Every empty, consolidatable candidate the `Empty` budgets allow, in one command.
        func emptiness() -> ConsolidationCommand? {
            var budgets = budgets
            let empty = candidates.filter { $0.isEmpty && $0.consolidatable }
                .filter { budgets.take(pool: $0.nodePool, reason: .empty) }
            guard !empty.isEmpty else { return nil }
            return ConsolidationCommand(candidates: empty, reason: .empty, replacements: [], assignments: [],
                                        savingsPerHour: empty.reduce(0) { $0 + ($1.price ?? 0) })
        }

        /// The first drifted candidate (empty ones first, then oldest) within its `Drifted` budget
        /// whose pods all find a home, replaced by as many new nodes as its pods need.
        func drift() -> ConsolidationCommand? {
            let drifted = candidates.filter(\.drifted).sorted {
                ($0.isEmpty ? 0 : 1, $0.createdAt, $0.name) < ($1.isEmpty ? 0 : 1, $1.createdAt, $1.name)
            }
            for candidate in drifted where budgets.remaining(pool: candidate.nodePool, reason: .drifted) > 0 {
                guard let outcome = simulation.simulate(removing: [candidate]) else { continue }
                let replacements = outcome.launches
                return ConsolidationCommand(
                    candidates: [candidate], reason: .drifted, replacements: replacements,
                    assignments: outcome.assignments,
                    savingsPerHour: (candidate.price ?? 0) - replacements.reduce(0) { $0 + $1.choice.price })
            }
            return nil
        }

        /// The largest prefix of the underutilized candidates (within `Underutilized` budgets, at
        /// most 100) that can go with at most one cheaper replacement, found by binary search.
        func multiNode() -> ConsolidationCommand? {
            var budgets = budgets
            let eligible = underutilizedCandidates.filter { budgets.take(pool: $0.nodePool, reason: .underutilized) }
                .prefix(Consolidator.maxMultiNodeCandidates)
            guard eligible.count >= 2 else { return nil }
            var low = 1
            var high = eligible.count - 1
            var best: ConsolidationCommand?
            while low <= high {
                let middle = (low + high) / 2
                if let command = consolidation(of: Array(eligible.prefix(middle + 1)), singleNode: false) {
                    best = command
                    low = middle + 1
                } else {
                    high = middle - 1
                }
            }
            return best
        }

        /// The first underutilized candidate, taking pools in turn, that can be deleted or replaced
        /// by one cheaper node.
        func singleNode() -> ConsolidationCommand? {
            for candidate in interleavedByPool(underutilizedCandidates)
                where budgets.remaining(pool: candidate.nodePool, reason: .underutilized) > 0 {
                if let command = consolidation(of: [candidate], singleNode: true) { return command }
            }
            return nil
        }

        /// Beyond Karpenter's N→1: remove a set of underutilized nodes and re-provision their pods on
        /// the remaining nodes and any number of new ones (N→M). Two orders of the candidates within
        /// budgets are tried, Karpenter's (price per disruption, best for deleting) and idle price
        /// first (price × the share of CPU or memory left unrequested, best for right-sizing); of each,
        /// the first n, 7n/8, 3n/4, …, n/8, n/16, … are simulated and the largest saving wins.
        /// Karpenter's binary search would stop at the first failing set, but with many new nodes a
        /// failing set says nothing about a larger one. A re-pack launches no instance type it removes
        /// (keeping such a node and moving fewer pods is as cheap, and a shorter prefix finds that),
        /// and without the spot-to-spot gate one that removes spot nodes launches no spot node.
        func repack() -> ConsolidationCommand? {
            let orders = [underutilizedCandidates,
                          underutilizedCandidates.sorted { ($1.idlePrice, $0.name) < ($0.idlePrice, $1.name) }]
            var tried = Set<[Int]>()
            var best: ConsolidationCommand?
            for order in orders {
                var budgets = budgets
                let eligible = order.filter { budgets.take(pool: $0.nodePool, reason: .underutilized) }
                    .prefix(Consolidator.maxRepackCandidates)
                let count = eligible.count
                var lengths = Set((1...8).map { count * $0 / 8 })
                var length = count / 16
                while length >= 2 {
                    lengths.insert(length)
                    length /= 2
                }
                for length in lengths.filter({ $0 >= 2 }).sorted(by: >) {
                    let group = Array(eligible.prefix(length))
                    guard tried.insert(group.map(\.node).sorted()).inserted,
                          let outcome = simulation.simulate(removing: group) else { continue }
                    let removedTypes = Set(group.map(\.instanceType))
                    if outcome.launches.contains(where: { removedTypes.contains($0.choice.instanceType) }) { continue }
                    if !consolidator.options.spotToSpotConsolidation, group.contains(where: { $0.capacityType == .spot }),
                       outcome.launches.contains(where: { launch in
                           ([launch.choice] + launch.fallbacks).contains { $0.capacityType == .spot }
                       }) {
                        continue
                    }
                    let groupPrice = group.reduce(0) { $0 + ($1.price ?? 0) }
                    let savings = groupPrice - outcome.launches.reduce(0) { $0 + $1.choice.price }
                    guard savings > best?.savingsPerHour ?? 0, worthIt(group, savings: savings, price: groupPrice)
                    else { continue }
                    best = ConsolidationCommand(candidates: group, reason: .underutilized,
                                                replacements: outcome.launches, assignments: outcome.assignments,
                                                savingsPerHour: savings, waitsPerCandidate: true)
                }
            }
            return best
        }

        // MARK: Consolidation core

        /// Karpenter's `computeConsolidation`: the candidates go if their pods fit elsewhere with
        /// no new node (delete), or with exactly one new node that is strictly cheaper than all of
        /// them together (replace), subject to the same-type guard, the spot-to-spot rules, the
        /// Balanced policy's score and nodeplan's minimum savings.
        private func consolidation(of group: [DisruptionCandidate], singleNode: Bool) -> ConsolidationCommand? {
            guard let outcome = simulation.simulate(removing: group), outcome.launches.count <= 1 else { return nil }
            let groupPrice = group.reduce(0) { $0 + ($1.price ?? 0) }
            var replacements: [NodeLaunch] = []
            if let launch = outcome.launches.first {
                guard let replacement = cheaperReplacement(launch, for: group, price: groupPrice, singleNode: singleNode)
                else { return nil }
                replacements = [replacement]
            }
            let savings = groupPrice - replacements.reduce(0) { $0 + $1.choice.price }
            guard worthIt(group, savings: savings, price: groupPrice) else { return nil }
            return ConsolidationCommand(candidates: group, reason: .underutilized, replacements: replacements,
                                        assignments: outcome.assignments, savingsPerHour: savings)
        }

        /// nodeplan's stability rules and the Balanced policy: the move saves at least
        /// `minimumSavingsPerHour` and `minimumSavingsFraction` of the removed nodes' price (so a
        /// steady cluster, or one just consolidated, is left alone), and every Balanced pool approves.
        private func worthIt(_ group: [DisruptionCandidate], savings: Double, price: Double) -> Bool {
            savings >= consolidator.options.minimumSavingsPerHour
                && savings >= consolidator.options.minimumSavingsFraction * price
                && balanced.approves(group, savings: savings)
        }

        /// The replacement narrowed to offerings strictly cheaper than `price`, or nil.
        private func cheaperReplacement(_ launch: NodeLaunch, for group: [DisruptionCandidate], price: Double,
                                        singleNode: Bool) -> NodeLaunch? {
            var offer = ReplacementOffer(launch, types: instanceTypes?[launch.nodePool] ?? snapshot.instanceTypes)
            if group.allSatisfy({ $0.capacityType == .spot }) && offer.allowsSpot {
                // Spot-to-spot: off unless the feature gate is on; then spot only, and for a single node
                // enough cheaper types that the replacement is not itself replaced next time.
                guard consolidator.options.spotToSpotConsolidation else { return nil }
                offer.keepSpotOnly()
                offer.keepCheaper(than: price)
                offer.dropSameInstanceType(as: group)
                if singleNode {
                    guard offer.instanceTypeCount >= ReplacementOffer.minimumSpotToSpotInstanceTypes else { return nil }
                    offer.keepCheapestInstanceTypes(ReplacementOffer.minimumSpotToSpotInstanceTypes)
                }
            } else {
                offer.keepCheaper(than: price)
                offer.dropSameInstanceType(as: group)
                // Launching spot when spot is allowed keeps the replacement from falling back to a
                // pricier on-demand offering.
                if offer.allowsSpot && offer.allowsOnDemand { offer.keepSpotOnly() }
            }
            return offer.launch(maxFallbacks: Int(consolidator.options.maxFallbacks))
        }

        // MARK: Helpers

        /// Consolidatable, non-empty candidates of pools whose policy allows more than emptiness.
        private var underutilizedCandidates: [DisruptionCandidate] {
            candidates.filter { $0.consolidatable && $0.underutilizedAllowed && !$0.isEmpty }
        }

        /// Candidates taken round-robin across pools (pools by name), each pool in candidate order.
        private func interleavedByPool(_ candidates: [DisruptionCandidate]) -> [DisruptionCandidate] {
            var queues: [String: [DisruptionCandidate]] = [:]
            for candidate in candidates { queues[candidate.nodePool, default: []].append(candidate) }
            let pools = queues.keys.sorted()
            var result: [DisruptionCandidate] = []
            var round = 0
            while result.count < candidates.count {
                for pool in pools where round < queues[pool]!.count { result.append(queues[pool]![round]) }
                round += 1
            }
            return result
        }
    }
}
