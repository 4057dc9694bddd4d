import NodePlanModel
import NodePlanSolver
import NodePlanTesting
import Testing

@Suite struct ExpirationTests {
    let types = ConsolidationTypes.self

    /// A node created at 0 in a pool whose nodes expire after an hour, no disruption allowed.
    func expiring(_ pod: PodTemplate, now: Double) -> Scenario {
        var pool = NodePool(name: "default", expireAfterSeconds: 3600)
        pool.disruption.budgets = [DisruptionBudget(nodes: "0")]
        return Scenario().pool(pool).instanceTypes(types.onDemandOnly).now(now)
            .node("old", like: types.small, pool: "default")
            .running("web", count: 2, on: "old", pod)
            .options { $0.consolidate = true }
    }

    @Test func expiredNodeIsReplacedRegardlessOfBudgets() throws {
        let result = expiring(PodTemplate(cpu: "900m"), now: 7200).plan()
        let termination = try #require(result.termination(of: "old"))
        let launch = try #require(result.launches.first)
        #expect(termination.reason == .expired)
        #expect(Set(result.podNames(termination.evictedPods)) == ["web-0", "web-1"])
        #expect(termination.waitFor == [launch.name])
        #expect(result.placement(of: "web-0") == .launch(name: launch.name))
        #expect(abs(result.plan.cost.after - 0.10) < 1e-9)
        result.expectValid()
    }

    @Test func nodeIsKeptBeforeItExpires() {
        let result = expiring(PodTemplate(cpu: "900m"), now: 1800).plan()
        #expect(result.plan.terminations.isEmpty)
        #expect(result.launches.isEmpty)
    }

    @Test func expiredNodeWhosePodsCannotLeaveStays() {
        let pinned = PodTemplate(cpu: "900m").annotations([WellKnownAnnotation.doNotDisrupt: "true"])
        let result = expiring(pinned, now: 7200).plan()
        #expect(result.plan.terminations.isEmpty)
        #expect(result.launches.isEmpty)
        #expect(result.plan.warnings.contains { $0.contains("old") && $0.contains("expired") })
        result.expectValid()
    }
}
