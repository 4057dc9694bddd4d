import Foundation
import NodePlanModel
import NodePlanSolver
import NodePlanTesting
import Testing

/// A `SolveControl` that reports cancelled from its `cancelAt`-th poll on, counting polls.
private final class CancelAfterPolls: @unchecked Sendable {
    private let lock = NSLock()
    private var polls = 0
    let cancelAt: Int

    init(cancelAt: Int) { self.cancelAt = cancelAt }

    var count: Int { lock.withLock { polls } }

    var control: SolveControl {
        SolveControl(isCancelled: {
            self.lock.withLock {
                self.polls += 1
                return self.polls >= self.cancelAt
            }
        }, now: { .zero })
    }
}

@Suite struct SolveControlTests {
    /// 200 pods that each fit at once, so every pod taken from the queue is placed.
    let scenario = Scenario().pool("default").instanceTypes(InstanceTypes.benchmark(count: 20))
        .pods("web", count: 200, PodTemplate(cpu: "250m", memory: "256Mi"))

    private func placed(_ plan: Plan) -> Int {
        plan.launches.reduce(0) { $0 + $1.pods.count } + plan.assignments.reduce(0) { $0 + $1.pods.count }
    }

    @Test func provisioningStopsAtTheFirstPollAfterCancellation() throws {
        // Karpenter's strategy runs the scheduler once, so the polls are the scheduler loop's alone.
        let provisioner = Provisioner(options: SolverOptions(strategy: .karpenter))
        let complete = try provisioner.solve(snapshot: scenario.snapshot)
        #expect(placed(complete) == 200)

        // Polls come before pods 0, 8, 16, …: cancelled at the third, the solve has placed 16 pods.
        let polls = CancelAfterPolls(cancelAt: 3)
        let stopped = try provisioner.solve(snapshot: scenario.snapshot, control: polls.control)
        #expect(placed(stopped) == 16)
        #expect(stopped.unschedulable.isEmpty)
        // One poll more after the loop: the cancelled solve skips the lower bound.
        #expect(polls.count == 4)
        #expect(stopped.cost.lowerBound == 0)
    }

    @Test func cancelledBeforeStartPlacesNothing() throws {
        let plan = try Provisioner().solve(snapshot: scenario.snapshot, control: SolveControl(isCancelled: { true }, now: { .zero }))
        #expect(placed(plan) == 0)
    }

    @Test func consolidationStopsOnceCancelled() throws {
        let types = ConsolidationTypes.self
        let cluster = Scenario().pool("default").instanceTypes(types.all)
            .node("big", like: types.large, pool: "default")
            .running("web", count: 2, on: "big", PodTemplate(cpu: "500m"))
        let snapshot = cluster.snapshot
        let uncancelled = try Consolidator().consolidate(snapshot: snapshot)
        #expect(uncancelled.terminations.map(\.node) == ["big"])
        let cancelled = try Consolidator().consolidate(
            snapshot: snapshot, control: SolveControl(isCancelled: { true }, now: { .zero }))
        #expect(cancelled.terminations.isEmpty && cancelled.launches.isEmpty)
    }

    @Test func plannerPassesTheControlOn() throws {
        var options = SolverOptions()
        options.consolidate = true
        let polls = CancelAfterPolls(cancelAt: 1)
        let plan = try Planner(options: options).plan(snapshot: scenario.snapshot, control: polls.control)
        #expect(placed(plan) == 0)
        #expect(plan.terminations.isEmpty)
    }
}
