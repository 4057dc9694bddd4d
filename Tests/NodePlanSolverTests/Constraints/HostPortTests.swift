import NodePlanModel
import NodePlanTesting
import Testing

@Suite struct HostPortTests {
    let standard = InstanceTypes.make("standard", cpu: 8, memoryGiB: 32, price: 0.2)

    @Test func podsSharingAHostPortNeedSeparateNodes() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .pods("proxy", count: 3, PodTemplate().hostPort(80))
            .pods("udp", PodTemplate().hostPort(80, protocol: "UDP"))
            .solve()
        #expect(result.launches.count == 3)
        #expect(result.launches.allSatisfy { launch in result.podNames(launch.pods).filter { $0.hasPrefix("proxy") }.count == 1 })
    }

    @Test func hostPortsOfRunningPodsBlockExistingNodes() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .node("existing", like: standard, pool: "default")
            .running("proxy", on: "existing", PodTemplate().hostPort(443))
            .pods("new-proxy", PodTemplate().hostPort(443))
            .pods("web")
            .solve()
        #expect(result.placement(of: "web-0") == .existing(node: "existing"))
        #expect(result.launch(of: "new-proxy-0") != nil)
    }
}
