import NodePlanModel
import NodePlanSolver
import NodePlanTesting
import Testing

/// nodeplan's savings thresholds and steady state: consolidation never churns for little gain.
@Suite struct StabilityTests {
    let types = ConsolidationTypes.self

    /// A medium node whose pod fits a small one: 0.10 of 0.20 per hour to save.
    var halfUsedMedium: Scenario {
        Scenario().pool("default").instanceTypes(types.onDemandOnly)
            .node("a", like: types.medium, pool: "default")
            .running("web", on: "a", PodTemplate(cpu: "1500m"))
    }

    @Test func savingsBelowTheHourlyMinimumAreIgnored() {
        #expect(halfUsedMedium.consolidate().terminatedNodes == ["a"])
        #expect(halfUsedMedium.options { $0.minimumSavingsPerHour = 0.11 }.consolidate().plan.terminations.isEmpty)
    }

    @Test func savingsBelowTheMinimumFractionAreIgnored() {
        #expect(halfUsedMedium.options { $0.minimumSavingsFraction = 0.6 }.consolidate().plan.terminations.isEmpty)
        #expect(halfUsedMedium.options { $0.minimumSavingsFraction = 0.5 }.consolidate().terminatedNodes == ["a"])
    }

    @Test func steadyClusterIsLeftAlone() {
        let result = Scenario().pool("default").instanceTypes(types.onDemandOnly)
            .disruption(pool: "default") { $0.budgets = [DisruptionBudget(nodes: "100%")] }
            .node("a", like: types.small, pool: "default")
            .node("b", like: types.small, pool: "default")
            .node("c", like: types.medium, pool: "default")
            .running("a-web", count: 2, on: "a", PodTemplate(cpu: "900m"))
            .running("b-web", count: 2, on: "b", PodTemplate(cpu: "900m"))
            .running("c-web", count: 3, on: "c", PodTemplate(cpu: "1100m"))
            .consolidate()
        #expect(result.plan.terminations.isEmpty)
        #expect(result.launches.isEmpty)
        #expect(result.plan.cost.after == result.plan.cost.before)
    }
}
