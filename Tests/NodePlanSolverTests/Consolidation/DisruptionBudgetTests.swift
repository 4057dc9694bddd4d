import NodePlanModel
import NodePlanSolver
import NodePlanTesting
import Testing

/// NodePool disruption budgets, observed through how many empty nodes one pass deletes.
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
        #expect(result.plan.terminations.count == 2)
        result.expectValid()
    }

    @Test func percentBudgetRoundsUp() {
        #expect(emptyNodes(3, budgets: [DisruptionBudget(nodes: "50%")]).plan.terminations.count == 2)
        #expect(emptyNodes(5, budgets: [DisruptionBudget(nodes: "10%")]).plan.terminations.count == 1)
        #expect(emptyNodes(4, budgets: [DisruptionBudget(nodes: "0%")]).plan.terminations.isEmpty)
        emptyNodes(3, budgets: [DisruptionBudget(nodes: "50%")]).expectValid()
    }

    @Test func theStrictestBudgetWins() {
        let budgets = [DisruptionBudget(nodes: "100%"), DisruptionBudget(nodes: "1")]
        #expect(emptyNodes(4, budgets: budgets).plan.terminations.count == 1)
    }

    @Test func budgetsApplyOnlyToTheirReasons() {
        let noEmpty = [DisruptionBudget(nodes: "0", reasons: [.empty])]
        #expect(emptyNodes(3, budgets: noEmpty).plan.terminations.isEmpty)
        let noDrift = [DisruptionBudget(nodes: "0", reasons: [.drifted, .underutilized])]
        #expect(emptyNodes(3, budgets: noDrift).plan.terminations.count == 3)
    }

    @Test func nodesAlreadyDisruptingConsumeTheBudget() {
        let result = emptyNodes(5, budgets: [DisruptionBudget(nodes: "3")], deleting: 2)
        #expect(result.plan.terminations.count == 1)
        result.expectValid()
    }

    @Test func scheduledBudgetHoldsOnlyInsideItsWindow() {
        // Nothing may be disrupted for two hours from 09:00 UTC on weekdays.
        let freeze = [DisruptionBudget(nodes: "0", schedule: "0 9 * * 1-5", durationSeconds: 7200)]
        let monday = 4 * 86400.0  // 1970-01-05 was a Monday.
        #expect(emptyNodes(2, budgets: freeze, now: monday + 9.5 * 3600).plan.terminations.isEmpty)
        #expect(emptyNodes(2, budgets: freeze, now: monday + 10.99 * 3600).plan.terminations.isEmpty)
        #expect(emptyNodes(2, budgets: freeze, now: monday + 11.01 * 3600).plan.terminations.count == 2)
        #expect(emptyNodes(2, budgets: freeze, now: monday + 8.99 * 3600).plan.terminations.count == 2)
        // Saturday 1970-01-03 is outside the schedule.
        #expect(emptyNodes(2, budgets: freeze, now: 2 * 86400 + 9.5 * 3600).plan.terminations.count == 2)
        let daily = [DisruptionBudget(nodes: "0", schedule: "@daily", durationSeconds: 3600)]
        #expect(emptyNodes(2, budgets: daily, now: 86400 + 1800).plan.terminations.isEmpty)
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
            #expect(emptyNodes(2, budgets: budgets).plan.terminations.isEmpty, "\(budgets)")
        }
    }
}
