import NodePlanModel
@testable import NodePlanSolver
import NodePlanSynthetic
import NodePlanValidator
import Testing

/// Every plan the portfolio finds, not only the winner, is valid and costs at least the proven
/// lower bound for the pods it launches nodes for; the worst-node re-pack keeps only valid,
/// cheaper plans.
@Suite struct PortfolioBoundTests {
    static let snapshots: [Snapshot] = (UInt64(1)...12).map { FeatureMix.snapshot(pods: 15 + Int($0 * 3), seed: $0 * 7) }
        + [SchedulingBenchmark.snapshot(pods: 80, seed: 3)]

    @Test(arguments: snapshots.indices)
    func everyMemberPlanIsValidAndAtOrAboveTheBound(index: Int) {
        let snapshot = Self.snapshots[index]
        for (position, member) in PortfolioMember.portfolio.enumerated() {
            let (plan, setup) = member.run(snapshot: snapshot, instanceTypes: nil, options: snapshot.options)
            let cost = plan.launches.reduce(0) { $0 + $1.choice.price }
            let bound = NewNodeCostBound(pods: plan.launches.flatMap(\.pods), scheduler: setup.scheduler).value
            #expect(bound <= cost, "member \(position): bound \(bound) above cost \(cost)")
            let violations = PlanValidator.validate(snapshot: snapshot, plan: plan)
            #expect(violations.isEmpty, "member \(position): \(violations.prefix(3).map(\.description))")
        }
    }

    @Test func repackOnlyReturnsValidCheaperPlans() {
        var improved = 0
        for snapshot in Self.snapshots {
            let baseline = PortfolioMember.karpenter.result(round: 0, member: 0, snapshot: snapshot, instanceTypes: nil,
                                                             options: snapshot.options)
            let repack = WorstNodeRepack(snapshot: snapshot, instanceTypes: nil, options: snapshot.options)
            for member in PortfolioMember.portfolio.prefix(3) {
                guard let result = repack.improve(baseline, count: max(2, baseline.plan.launches.count / 3),
                                                  member: member) else { continue }
                improved += 1
                #expect(result.newNodeCost < baseline.newNodeCost)
                #expect(result.unplaced <= baseline.unplaced)
                #expect(Set(result.plan.launches.map(\.name)).count == result.plan.launches.count)
                #expect(PlanValidator.validate(snapshot: snapshot, plan: result.plan).isEmpty)
            }
        }
        #expect(improved > 0)
    }
}
