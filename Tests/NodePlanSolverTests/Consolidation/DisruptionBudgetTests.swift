import NodePlanModel
import NodePlanSolver
import NodePlanTesting
import Testing

/// NodePool disruption budgets, observed through how many empty nodes the first batch deletes.
@Suite struct DisruptionBudgetTests {
    let types = ConsolidationTypes.self

    /// `count` empty nodes of the default pool under `budgets`, at `now`.
    func emptyNodes(_ count: Int, budgets: [DisruptionBudget], now: Double = 0, deleting: Int = 0) -> Solved {
        var scenario = Scenario().pool("default").instanceTypes(types.all).now(now)
            .disruption(pool: "default") { $0.budgets = budgets }
        for index in 0..<count {
            scenario = scenario.node("idle-\(index)", like: types.small, pool: "default",
                                     markedForDeletion: index < deleting)
        }
        return scenario.consolidate()
    }

    @Test func countBudget() {
        let result = emptyNodes(5, budgets: [DisruptionBudget(nodes: "2")])
        #expect(result.firstBatch == 2)
        #expect(result.plan.terminations.map(\.batch) == [0, 0, 1, 1, 2])
        result.expectValid()
    }

    @Test func percentBudgetRoundsUp() {
        #expect(emptyNodes(3, budgets: [DisruptionBudget(nodes: "50%")]).firstBatch == 2)
        #expect(emptyNodes(5, budgets: [DisruptionBudget(nodes: "10%")]).firstBatch == 1)
        #expect(emptyNodes(4, budgets: [DisruptionBudget(nodes: "0%")]).firstBatch == 0)
        emptyNodes(3, budgets: [DisruptionBudget(nodes: "50%")]).expectValid()
    }

    @Test func theStrictestBudgetWins() {
        let budgets = [DisruptionBudget(nodes: "100%"), DisruptionBudget(nodes: "1")]
        #expect(emptyNodes(4, budgets: budgets).firstBatch == 1)
    }

    @Test func budgetsApplyOnlyToTheirReasons() {
        let noEmpty = [DisruptionBudget(nodes: "0", reasons: [.empty])]
        #expect(emptyNodes(3, budgets: noEmpty).firstBatch == 0)
        let noDrift = [DisruptionBudget(nodes: "0", reasons: [.drifted, .underutilized])]
        #expect(emptyNodes(3, budgets: noDrift).firstBatch == 3)
    }

    @Test func nodesAlreadyDisruptingConsumeTheBudget() {
        let result = emptyNodes(5, budgets: [DisruptionBudget(nodes: "3")], deleting: 2)
        #expect(result.firstBatch == 1)
        result.expectValid()
    }

    @Test func scheduledBudgetHoldsOnlyInsideItsWindow() {
        // Nothing may be disrupted for two hours from 09:00 UTC on weekdays.
        let freeze = [DisruptionBudget(nodes: "0", schedule: "0 9 * * 1-5", durationSeconds: 7200)]
        let monday = 4 * 86400.0  // 1970-01-05 was a Monday.
        #expect(emptyNodes(2, budgets: freeze, now: monday + 9.5 * 3600).firstBatch == 0)
        #expect(emptyNodes(2, budgets: freeze, now: monday + 10.99 * 3600).firstBatch == 0)
        #expect(emptyNodes(2, budgets: freeze, now: monday + 11.01 * 3600).firstBatch == 2)
        #expect(emptyNodes(2, budgets: freeze, now: monday + 8.99 * 3600).firstBatch == 2)
        // Saturday 1970-01-03 is outside the schedule.
        #expect(emptyNodes(2, budgets: freeze, now: 2 * 86400 + 9.5 * 3600).firstBatch == 2)
        let daily = [DisruptionBudget(nodes: "0", schedule: "@daily", durationSeconds: 3600)]
        #expect(emptyNodes(2, budgets: daily, now: 86400 + 1800).firstBatch == 0)
    }

    @Test func misconfiguredBudgetFailsClosed() {
        let broken: [[DisruptionBudget]] = [
            [DisruptionBudget(nodes: "many")],
            [DisruptionBudget(nodes: "150%")],
            [DisruptionBudget(nodes: "5", schedule: "0 9 * * *")],
            [DisruptionBudget(nodes: "5", durationSeconds: 3600)],
            [DisruptionBudget(nodes: "5", schedule: "61 * * * *", durationSeconds: 3600)],
            [DisruptionBudget(nodes: "5", schedule: "0 9 * *", durationSeconds: 3600)],
        ]
        for budgets in broken {
            #expect(emptyNodes(2, budgets: budgets).firstBatch == 0, "\(budgets)")
        }
    }
}

private extension Solved {
    /// Terminations in batch 0: what the budgets allow at once.
    var firstBatch: Int { plan.terminations.filter { $0.batch == 0 }.count }
}
