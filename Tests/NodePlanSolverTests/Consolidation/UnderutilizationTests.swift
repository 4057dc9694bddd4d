import NodePlanModel
import NodePlanSolver
import NodePlanTesting
import Testing

@Suite struct UnderutilizationTests {
    let types = ConsolidationTypes.self

    @Test func underutilizedNodeIsReplacedByASmallerSKU() throws {
        let result = Scenario().pool("default").instanceTypes(types.all)
            .node("big", like: types.large, pool: "default")
            .running("web", count: 2, on: "big", PodTemplate(cpu: "500m"))
            .consolidate()
        let launch = try #require(result.launches.first)
        #expect(result.launches.count == 1)
        #expect(launch.choice.instanceType == "small")
        // Spot is preferred when the replacement may be either, as Karpenter pins it.
        #expect(launch.choice.capacityType == .spot)
        let termination = try #require(result.termination(of: "big"))
        #expect(termination.reason == .underutilized)
        #expect(termination.waitFor == [launch.name])
        #expect(Set(result.podNames(termination.evictedPods)) == ["web-0", "web-1"])
        #expect(abs(termination.savingsPerHour - (0.40 - 0.07)) < 1e-9)
        #expect(Set(result.podNames(launch.pods)) == ["web-0", "web-1"])
        #expect(abs(result.plan.cost.after - 0.07) < 1e-9)
        result.expectValid()
    }

    @Test func twoHalfEmptyNodesMergeIntoOne() throws {
        let result = Scenario().pool("default").instanceTypes(types.all)
            .disruption(pool: "default") { $0.budgets = [DisruptionBudget(nodes: "2")] }
            .node("a", like: types.medium, pool: "default")
            .node("b", like: types.medium, pool: "default")
            .running("left", on: "a", PodTemplate(cpu: "1"))
            .running("right", on: "b", PodTemplate(cpu: "1"))
            .consolidate()
        #expect(result.terminatedNodes == ["a", "b"])
        let launch = try #require(result.launches.first)
        #expect(result.launches.count == 1)
        #expect(launch.choice.instanceType == "small")
        #expect(result.plan.terminations.allSatisfy { $0.reason == .underutilized && $0.waitFor == [launch.name] })
        let saved = result.plan.terminations.reduce(0) { $0 + $1.savingsPerHour }
        #expect(abs(saved - (0.40 - 0.07)) < 1e-9)
        result.expectValid()
    }

    @Test func nodeWhosePodsFitElsewhereIsDeleted() {
        let result = Scenario().pool("default").instanceTypes(types.onDemandOnly)
            .node("a", like: types.large, pool: "default")
            .node("b", like: types.medium, pool: "default")
            .running("big", on: "a", PodTemplate(cpu: "6"))
            .running("tiny", on: "b", PodTemplate(cpu: "500m"))
            .consolidate()
        #expect(result.terminatedNodes == ["b"])
        #expect(result.launches.isEmpty)
        #expect(result.placement(of: "tiny-0") == .existing(node: "a"))
        result.expectValid()
    }

    @Test func twoNodesAreNotSwappedForOneOfTheSameType() {
        // Both pods fit one medium (0.20 < 0.40 together), but the replacement would be the
        // candidates' own type at their own price; Karpenter's guard rejects it and single-node
        // consolidation then deletes one node instead.
        let result = Scenario().pool("default").instanceTypes(types.onDemandOnly)
            .disruption(pool: "default") { $0.budgets = [DisruptionBudget(nodes: "2")] }
            .node("a", like: types.medium, pool: "default")
            .node("b", like: types.medium, pool: "default")
            .running("wide", on: "a", PodTemplate(cpu: "2500m"))
            .running("narrow", on: "b", PodTemplate(cpu: "1400m"))
            .consolidate()
        #expect(result.launches.isEmpty)
        #expect(result.terminatedNodes.count == 1)
        result.expectValid()
    }

    @Test func whenEmptyPolicyLeavesUnderutilizedNodes() {
        let result = Scenario().pool("default").instanceTypes(types.all)
            .disruption(pool: "default") { $0.consolidationPolicy = .whenEmpty }
            .node("big", like: types.large, pool: "default")
            .running("web", on: "big", PodTemplate(cpu: "500m"))
            .consolidate()
        #expect(result.plan.terminations.isEmpty)
    }

    @Test func cheaperPodsAreMovedFirst() {
        // Both nodes could go alone; the one whose pods cost less to evict (lower priority) saves
        // more per unit of disruption, so Karpenter takes it first.
        let result = Scenario().pool("default").instanceTypes(types.onDemandOnly)
            .node("a", like: types.medium, pool: "default")
            .node("b", like: types.medium, pool: "default")
            .running("important", on: "a", PodTemplate(cpu: "500m").priority(1 << 26))
            .running("batch", on: "b", PodTemplate(cpu: "500m"))
            .consolidate()
        #expect(result.terminatedNodes == ["b"])
        result.expectValid()
    }
}

/// The Balanced policy weighs a move's savings against the disruption it causes, per pool.
@Suite struct BalancedPolicyTests {
    let types = ConsolidationTypes.self

    /// A medium running ten small pods (a small node would do, saving 0.10 of the pool's 0.60)
    /// beside a large that cannot be disrupted.
    func busyMedium(_ policy: ConsolidationPolicy) -> Solved {
        Scenario().pool("default").instanceTypes(types.onDemandOnly)
            .disruption(pool: "default") { $0.consolidationPolicy = policy }
            .node("busy", like: types.medium, pool: "default")
            .node("pinned", like: types.large, pool: "default", annotations: [WellKnownAnnotation.doNotDisrupt: "true"])
            .running("small", count: 10, on: "busy", PodTemplate(cpu: "150m"))
            .running("other", on: "pinned", PodTemplate(cpu: "7500m"))
            .consolidate()
    }

    @Test func underutilizedPolicyTakesAnySaving() {
        let result = busyMedium(.whenEmptyOrUnderutilized)
        #expect(result.terminatedNodes == ["busy"])
        result.expectValid()
    }

    @Test func balancedPolicyRejectsASmallSavingForMuchDisruption() {
        // Savings 0.10 / 0.60 of the pool's cost against 11 / 13 of its disruption: 0.197 < 1/2.
        #expect(busyMedium(.balanced).plan.terminations.isEmpty)
    }

    @Test func balancedPolicyAcceptsALargeSavingForLittleDisruption() {
        let result = Scenario().pool("default").instanceTypes(types.onDemandOnly)
            .disruption(pool: "default") { $0.consolidationPolicy = .balanced }
            .node("a", like: types.large, pool: "default")
            .node("b", like: types.medium, pool: "default", annotations: [WellKnownAnnotation.doNotDisrupt: "true"])
            .running("lone", on: "a", PodTemplate(cpu: "500m"))
            .running("other", count: 4, on: "b", PodTemplate(cpu: "500m"))
            .consolidate()
        #expect(result.terminatedNodes == ["a"])
        result.expectValid()
    }
}
