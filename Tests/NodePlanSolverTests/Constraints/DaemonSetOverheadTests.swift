import NodePlanModel
import NodePlanTesting
import Testing

@Suite struct DaemonSetOverheadTests {
    let amd = InstanceTypes.make("amd", cpu: 2, memoryGiB: 8, price: 0.05, arch: "amd64")
    let arm = InstanceTypes.make("arm", cpu: 2, memoryGiB: 8, price: 0.06, arch: "arm64")

    /// Instance types are grouped by the DaemonSets that would run on them; each is checked
    /// against the pods plus its own group's overhead.
    @Test func overheadIsChargedPerInstanceTypeGroup() {
        let result = Scenario().pool("default").instanceTypes([amd, arm])
            .daemonSet("amd-agent", PodTemplate(cpu: "1").nodeSelector([WellKnownLabel.arch: "amd64"]))
            .pods("web", PodTemplate(cpu: "1500m", memory: "1Gi"))
            .solve()
        #expect(result.launches.map(\.choice.instanceType) == ["arm"])
        #expect(result.launches[0].requests[ResourceName.cpu] == .millis(1500))
    }

    @Test func finalRequestsAddTheSmallestOverheadOfTheRemainingOptions() {
        let result = Scenario().pool("default").instanceTypes([amd, arm])
            .daemonSet("amd-agent", PodTemplate(cpu: "500m").nodeSelector([WellKnownLabel.arch: "amd64"]))
            .daemonSet("everywhere", PodTemplate(cpu: "200m"))
            .pods("web", PodTemplate(cpu: "1", memory: "1Gi"))
            .solve()
        #expect(result.launches[0].choice.instanceType == "amd")
        #expect(result.launches[0].requests[ResourceName.cpu] == .millis(1200))
        #expect(result.launches[0].requests[ResourceName.pods] == .units(2))
    }

    @Test func daemonSetsThatDoNotTolerateThePoolAreNotCharged() {
        let result = Scenario().pool("default", taints: [Taint(key: "dedicated", effect: .noSchedule)])
            .instanceTypes([amd])
            .daemonSet("intolerant", PodTemplate(cpu: "1"))
            .daemonSet("tolerant", PodTemplate(cpu: "300m").tolerating("dedicated"))
            .daemonSet("soft", PodTemplate(cpu: "200m"))
            .pods("web", PodTemplate(cpu: "1").tolerating("dedicated"))
            .solve()
        #expect(result.launches[0].requests[ResourceName.cpu] == .millis(1300))
    }

    @Test func preferNoScheduleTaintsAreAlwaysToleratedByDaemonSets() {
        let result = Scenario().pool("default", taints: [Taint(key: "spare", effect: .preferNoSchedule)])
            .instanceTypes([amd])
            .daemonSet("agent", PodTemplate(cpu: "300m"))
            .pods("web", PodTemplate(cpu: "1"))
            .solve()
        #expect(result.launches[0].requests[ResourceName.cpu] == .millis(1300))
    }

    @Test func daemonSetHostPortsBlockPodsUsingTheSamePort() {
        let result = Scenario().pool("default").instanceTypes([amd])
            .daemonSet("proxy", PodTemplate(cpu: "100m").hostPort(8080))
            .pods("web", PodTemplate().hostPort(8080))
            .solve()
        #expect(result.unschedulable("web-0")?.reason.contains("host ports") == true)
    }
}
