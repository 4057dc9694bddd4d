import NodePlanCatalog
import NodePlanModel
import NodePlanSolver
import NodePlanSynthetic
import Testing

@Suite struct LowerBoundSnapshotTests {
    /// Every feature at once (taints, DaemonSets, zonal volumes, anti-affinity, host ports,
    /// existing nodes): the bound stays at or below what the plan pays, and above what it keeps.
    @Test(arguments: 1...24 as ClosedRange<UInt64>)
    func featureMixPlansCostAtLeastTheBound(seed: UInt64) throws {
        let plan = try Provisioner().solve(snapshot: FeatureMix.snapshot(pods: 60, seed: seed))
        #expect(plan.cost.lowerBound <= plan.cost.after + 1e-9)
        if !plan.launches.isEmpty { #expect(plan.cost.lowerBound > plan.cost.before) }
    }

    @Test func schedulingBenchmarkPlanCostsAtLeastTheBound() throws {
        let plan = try Provisioner().solve(snapshot: SchedulingBenchmark.snapshot(pods: 1000))
        #expect(plan.unschedulable.isEmpty)
        #expect(plan.cost.lowerBound <= plan.cost.after + 1e-9)
        // 200 pods with hostname anti-affinity need 200 nodes of at least 0.3 per hour.
        #expect(plan.cost.lowerBound >= 200 * 0.3)
    }

    @Test func azureMixPlanCostsAtLeastTheBound() throws {
        let snapshot = AzureMix.snapshot(pods: 300, seed: 7)
        let types = try InstanceTypeResolver.builtIn().instanceTypes(for: snapshot)
        let plan = try Provisioner().solve(snapshot: snapshot, instanceTypes: types)
        #expect(!plan.launches.isEmpty)
        #expect(plan.cost.lowerBound <= plan.cost.after + 1e-9)
        #expect(plan.cost.lowerBound > plan.cost.before)
    }
}
