import NodePlanModel
import NodePlanTesting
import Testing

@Suite struct PriorityTests {
    let standard = InstanceTypes.make("standard", cpu: 4, memoryGiB: 16, price: 0.2)

    @Test func higherPriorityPodsAreServedFirstUnderLimits() {
        let result = Scenario().pool("default", limits: [ResourceName.nodes: .units(1)]).instanceTypes([standard])
            .pods("batch", PodTemplate(cpu: "3").priority(0), createdAt: 0)
            .pods("critical", PodTemplate(cpu: "2").priority(1000), createdAt: 10)
            .solve()
        #expect(result.launch(of: "critical-0") != nil)
        #expect(result.unschedulable("batch-0") != nil)
    }

    @Test func unplacedPodsListLowerPriorityPodsWorthPreempting() {
        let result = Scenario().pool("default", limits: [ResourceName.cpu: .units(4)]).instanceTypes([standard])
            .node("existing", like: standard, pool: "default")
            .running("filler", count: 3, on: "existing", PodTemplate(cpu: "1").priority(0))
            .running("important", on: "existing", PodTemplate(cpu: "900m").priority(2000))
            .pods("critical", PodTemplate(cpu: "1500m").priority(1000))
            .solve()
        let unplaced = result.unschedulable("critical-0")
        #expect(unplaced?.reason.contains("limit") == true)
        #expect(unplaced.map { result.podNames($0.preemptionCandidates) } == ["filler-0", "filler-1"])
    }

    @Test func poolsThatNeverSuitedThePodDoNotHideTheAdvice() {
        let result = Scenario().pool("default", limits: [ResourceName.cpu: .units(4)])
            .pool("tainted", taints: [Taint(key: "dedicated", value: "gpu", effect: .noSchedule)])
            .instanceTypes([standard])
            .node("existing", like: standard, pool: "default")
            .running("filler", count: 3, on: "existing", PodTemplate(cpu: "1").priority(0))
            .pods("critical", PodTemplate(cpu: "1500m").priority(1000))
            .solve()
        let unplaced = result.unschedulable("critical-0")
        #expect(unplaced?.details.count ?? 0 >= 2, "both pools refused it")
        #expect(unplaced.map { result.podNames($0.preemptionCandidates) } == ["filler-0"])
    }

    @Test func constraintFailuresGetNoPreemptionAdvice() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .node("existing", like: standard, pool: "default")
            .running("filler", on: "existing", PodTemplate(cpu: "3").priority(0))
            .pods("picky", PodTemplate().priority(1000).nodeSelector(["example.com/missing": "x"]))
            .solve()
        #expect(result.unschedulable("picky-0")?.preemptionCandidates == [])
    }

    @Test func reasonsNameTheConstraintAndThePoolsItRuledOut() {
        let result = Scenario().pool("small").pool("tiny").instanceTypes([standard])
            .pods("huge", PodTemplate(cpu: "64"))
            .solve()
        let unplaced = result.unschedulable("huge-0")
        #expect(unplaced?.reason == "no NodePool can host the pod: NodePool \"tiny\": no instance type fits: "
            + "1 too small for cpu (standard) (and 1 more NodePool)")
        #expect(unplaced?.details.prefix(2).map { $0.hasPrefix("NodePool") } == [true, true])
    }
}
