import NodePlanAgent
import NodePlanKubeSimulator
import NodePlanModel
import Testing

@Suite struct SnapshotAssemblerTests {
    @Test func snapshotHoldsBoundAndProvisionablePodsAndSkipsBrokenObjects() throws {
        let cache = ClusterCache()
        var unschedulable = SimulatedObjects.pod(name: "waiting", cpu: "1", memory: "1Gi")
        unschedulable[["status", "conditions"]] = [["type": "PodScheduled", "status": "False", "reason": "Unschedulable"]]
        var bound = SimulatedObjects.pod(name: "running", cpu: "1", memory: "1Gi")
        bound[["spec", "nodeName"]] = "n1"
        bound[["status", "phase"]] = "Running"
        var finished = bound
        finished[["metadata", "name"]] = "done"
        finished[["status", "phase"]] = "Succeeded"
        let fresh = SimulatedObjects.pod(name: "fresh", cpu: "1", memory: "1Gi")
        var broken = unschedulable
        broken[["metadata", "name"]] = "broken"
        broken[["spec", "containers"]] = [["name": "app", "resources": ["requests": ["cpu": "lots"]]]]
        cache.replace(.pods, items: [unschedulable, bound, finished, fresh, broken], resourceVersion: "10")
        cache.replace(.nodePools, items: [SimulatedObjects.nodePool()], resourceVersion: "10")

        let assembler = SnapshotAssembler(cluster: Cluster(region: "eastus"), instanceTypes: AgentHarness.instanceTypes,
                                          catalog: nil)
        let assembled = try assembler.assemble(from: cache, now: 1_000, unavailable: [
            UnavailableOffering(instanceType: "small", zone: "test-zone-1", capacityType: .onDemand),
        ])
        #expect(assembled.snapshot.pods.map(\.name).sorted() == ["running", "waiting"])
        #expect(assembled.skipped.count == 1 && assembled.skipped[0].contains("default/broken"))
        #expect(assembled.snapshot.cluster.now == 1_000)
        #expect(assembled.snapshot.nodePools.map(\.name) == ["default"])
        let small = assembled.snapshot.instanceTypes.first { $0.name == "small" }
        #expect(small?.offerings.first { $0.zone == "test-zone-1" && $0.capacityType == .onDemand }?.available == false)
        #expect(small?.offerings.filter { !$0.available }.count == 1)
    }
}
