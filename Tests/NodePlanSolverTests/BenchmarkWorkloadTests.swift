import NodePlanModel
import NodePlanTesting
import Testing

@Suite struct BenchmarkWorkloadTests {
    /// Karpenter's benchmark requires every pod of the diverse mix to schedule in one round.
    @Test func diverseMixSchedulesCompletelyAndDeterministically() {
        var workload = BenchmarkWorkload()
        let scenario = workload.diversePods(100, into: Scenario().pool("default")
            .instanceTypes(InstanceTypes.benchmark()))
        let first = scenario.solve()
        #expect(first.plan.unschedulable.isEmpty)
        #expect(first.placedCount == 100)
        #expect(first.launches.count >= 20)
        #expect(scenario.solve().plan == first.plan)
    }
}
