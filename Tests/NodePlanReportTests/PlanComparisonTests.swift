import Testing
import NodePlanModel
@testable import NodePlanReport

@Suite struct PlanComparisonTests {
    /// The text-report scenario solved twice: the baseline on two nodes, the optimized plan on one.
    static func columns() -> (PlanComparison.Column, PlanComparison.Column) {
        let (snapshot, plan) = PlanTextReportTests.scenario()
        var twoNodes = plan
        twoNodes.launches = [plan.launches[0], plan.launches[0]]
        twoNodes.launches[0].pods = Array(plan.launches[0].pods.prefix(2))
        twoNodes.launches[1].pods = Array(plan.launches[0].pods.suffix(2))
        twoNodes.launches[1].name = "general-1"
        twoNodes.cost.after = 0.10
        let instanceTypes = ["general": [PlanTextReportTests.instanceType]]
        return (PlanComparison.Column(strategy: .karpenter, snapshot: snapshot, plan: twoNodes, instanceTypes: instanceTypes,
                                      solveMilliseconds: 12.5),
                PlanComparison.Column(strategy: .optimize, snapshot: snapshot, plan: plan, instanceTypes: instanceTypes,
                                      solveMilliseconds: 20))
    }

    @Test func columnsCountNodesCostUtilizationAndTheGap() {
        let (baseline, optimized) = Self.columns()
        #expect(baseline.strategy == "karpenter" && optimized.strategy == "optimize")
        #expect(baseline.newNodes == 2 && optimized.newNodes == 1)
        #expect(optimized.podsPlaced == 4 && optimized.unschedulablePods == 1)
        #expect(abs(optimized.costPerMonth - 0.05 * 730) < 1e-9)
        // Four 900m pods on one node of 3860m allocatable CPU; on two nodes half of that each.
        #expect(abs(optimized.utilizationPercent["cpu"]! - 3600.0 / 3860 * 100) < 1e-9)
        #expect(abs(baseline.utilizationPercent["cpu"]! - 3600.0 / 7720 * 100) < 1e-9)
        #expect(abs(optimized.utilizationPercent["pods"]! - 4.0 / 250 * 100) < 1e-9)
        #expect(optimized.utilizationPercent["memory"] == 0, "the pods request no memory")
        #expect(optimized.utilizationPercent["nvidia.com/gpu"] == nil, "no GPUs, no GPU figure")
        #expect(abs(optimized.gapPercent - 25) < 1e-9)
    }

    @Test func savingAndTableCompareTheColumns() {
        let (baseline, optimized) = Self.columns()
        let comparison = PlanComparison(baseline: baseline, optimized: optimized)
        #expect(abs(comparison.saving.perHour - 0.05) < 1e-9)
        #expect(abs(comparison.saving.percent - 50) < 1e-9)
        let table = comparison.table()
        #expect(table.hasPrefix("                      KARPENTER  OPTIMIZE\n"))
        #expect(table.contains("\nnew nodes                     2         1\n"))
        #expect(table.contains("\ncpu utilization %          46.6      93.3\n"))
        #expect(table.contains("\nmemory utilization %        0.0       0.0\n"))
        #expect(!table.contains("nvidia.com/gpu"))
        #expect(table.contains("\nsolve ms                   12.5      20.0\n"))
        #expect(table.hasSuffix("saving with optimize: $0.0500/h ($36.50/month, 50.0%)\n"))
    }
}
