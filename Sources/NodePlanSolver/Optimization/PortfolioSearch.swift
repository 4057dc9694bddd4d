import Dispatch
import NodePlanModel

/// nodeplan's optimizing strategy (`SolverStrategy.optimize`), read top-down:
///
/// 1. The portfolio (`PortfolioMember.portfolio`) runs in parallel: Karpenter's own greedy first,
///    then members that weigh NodeClaims by price, size new NodeClaims for the work they will hold
///    (`ClaimSizing`), and queue pods in other orders. Each runs the full provisioning scheduler,
///    so each plan honours every rule Karpenter's does.
/// 2. The best plan wins: most pods placed, then cheapest, then earliest member; but only plans
///    that place at least as many pods as Karpenter's and cost no more compete, so the winner is
///    never worse than Karpenter's on either count (a plan that places more pods for more money
///    is not taken: the strategy promises never to cost more than the yardstick).
/// 3. Restarts: the winner's settings with perturbed queue orders.
/// 4. Improvement moves: the most wasteful nodes re-packed (`WorstNodeRepack`) by several members
///    at once, in neighbourhoods of different sizes.
///
/// Every round after the first only replaces the best plan by beating it. The time budget is
/// `options.timeBudgetMilliseconds` on the caller's clock (`SolveControl`): work not yet started
/// when it ends is skipped, and the best plan so far is returned (Karpenter's member always runs).
/// Once the caller cancels, running members stop at their next poll and the plan is incomplete,
/// for the caller to discard. With a clock that does not move, every round runs and the plan
/// depends on the snapshot alone, whatever `options.threads`.
struct PortfolioSearch {
    /// Perturbed restarts of the winner per restart round, and the number of such rounds.
    static let restartsPerRound = 2
    static let restartRounds = 1
    /// Neighbourhood sizes of the re-pack rounds, in percent of the launches (at least two).
    static let repackShares = [25, 10, 50, 5]
    /// Portfolio members that re-pack besides the winner's own settings.
    static let repackMembers = [1, 2, 3]

    var snapshot: Snapshot
    var instanceTypes: [String: [InstanceType]]?
    var options: SolverOptions
    var control: SolveControl

    /// The best plan found (strategy `optimize`, costs not yet filled in) and its setup.
    func run() -> PortfolioResult {
        let deadline = control.now() + .milliseconds(options.timeBudgetMilliseconds)
        let portfolio = PortfolioMember.portfolio
        let first = runRound(0, jobs: portfolio.count, deadline: deadline) { member in
            portfolio[member].result(round: 0, member: member, snapshot: snapshot, instanceTypes: instanceTypes,
                                     options: options, control: control)
        }
        // Karpenter's plan bounds every later one: no fewer pods placed, no more money spent.
        let baseline = first.first { $0.member == 0 }!
        var best = baseline
        func consider(_ results: [PortfolioResult]) {
            for result in results where result.unplaced <= baseline.unplaced
                && result.newNodeCost <= baseline.newNodeCost && result.isBetter(than: best) {
                best = result
            }
        }
        consider(first)
        var round = 1
        for _ in 0..<Self.restartRounds {
            let members = (0..<Self.restartsPerRound).map {
                best.definition.perturbed(seed: UInt64(round * Self.restartsPerRound + $0))
            }
            consider(runRound(round, jobs: members.count, deadline: deadline) { [round] member in
                members[member].result(round: round, member: member, snapshot: snapshot,
                                       instanceTypes: instanceTypes, options: options, control: control)
            })
            round += 1
        }
        let repack = WorstNodeRepack(snapshot: snapshot, instanceTypes: instanceTypes, options: options)
        for share in Self.repackShares {
            let count = max(2, best.plan.launches.count * share / 100)
            let members = [best.definition] + Self.repackMembers.map { portfolio[$0] }.filter { $0 != best.definition }
            consider(runRound(round, jobs: members.count, deadline: deadline) { [best, round] member in
                repack.improve(best, count: count, member: members[member]).map {
                    var result = $0
                    (result.round, result.member) = (round, member)
                    return result
                }
            })
            round += 1
        }
        best.plan.strategy = .optimize
        return best
    }

    /// Runs `job` for 0..<`jobs` over the worker threads and returns what they gave, in job
    /// order. Jobs not started when the budget ends or the caller cancels are skipped, except job
    /// 0 of round 0 (Karpenter's member).
    private func runRound(_ round: Int, jobs: Int, deadline: Duration,
                          _ job: @escaping @Sendable (Int) -> PortfolioResult?) -> [PortfolioResult] {
        let workers = options.threads > 0 ? min(Int(options.threads), jobs) : jobs
        let results = JobResults(count: jobs)
        let control = control
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            // Worker w runs jobs w, w + workers, …: the same jobs whatever the scheduling.
            for index in stride(from: worker, to: jobs, by: workers) {
                let mandatory = round == 0 && index == 0
                if !mandatory && (control.isCancelled() || control.now() >= deadline) { break }
                results.store(job(index), at: index)
            }
        }
        return results.collected()
    }
}

/// One slot per job, each written by the worker that ran it only, read after all have finished.
private final class JobResults: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<PortfolioResult?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    func store(_ result: PortfolioResult?, at job: Int) { slots[job] = result }

    func collected() -> [PortfolioResult] { slots.compactMap { $0 } }
}
