import NodePlanModel
import NodePlanTesting
import Testing

@Suite struct NodePoolLimitsTests {
    /// Karpenter charges a new NodeClaim the largest capacity among its options, so a scale-up
    /// stops at the limit even though cheaper types would have left room.
    @Test func pessimisticLimitsStopAScaleUpAtTheCPULimit() {
        let result = Scenario().pool("default", limits: [ResourceName.cpu: .units(20)])
            .instanceTypes(InstanceTypes.benchmark(count: 16))
            .pods("web", count: 30, PodTemplate(cpu: "1", memory: "100Mi"))
            .solve()
        #expect(result.launches.map(\.pods.count) == [15, 3])
        #expect(result.launches.map(\.choice.instanceType) == ["fake-it-15", "fake-it-3"])
        #expect(result.plan.unschedulable.count == 12)
        #expect(result.plan.unschedulable.first?.reason.contains("limit on cpu") == true)
    }

    @Test func existingNodesCountAgainstLimits() {
        let four = InstanceTypes.make("four", cpu: 4, memoryGiB: 16, price: 0.2)
        let result = Scenario().pool("default", limits: [ResourceName.cpu: .units(6)]).instanceTypes([four])
            .node("existing", like: four, pool: "default")
            .running("busy", on: "existing", PodTemplate(cpu: "4"))
            .pods("web", PodTemplate(cpu: "1"))
            .solve()
        #expect(result.launches.isEmpty)
        #expect(result.unschedulable("web-0") != nil)
    }

    @Test func nodeLimitCapsNewNodeClaims() {
        let four = InstanceTypes.make("four", cpu: 4, memoryGiB: 16, price: 0.2)
        let result = Scenario().pool("default", limits: [ResourceName.nodes: .units(2)]).instanceTypes([four])
            .pods("web", count: 3, PodTemplate(cpu: "3"))
            .solve()
        #expect(result.launches.count == 2)
        #expect(result.plan.unschedulable.first?.reason.contains("limit on nodes") == true)
    }
}
