import NodePlanModel
import NodePlanValidator
import Testing

@Suite struct HostPortRuleTests {
    private static func proxy(ip: String = "", protocol: String = "TCP") -> PodSpec {
        Scenario.spec(cpu: "100m") { $0.containers[0].hostPorts = [HostPort(hostIP: ip, port: 8080, protocol: `protocol`)] }
    }

    @Test func wildcardClashesWithAnyAddress() {
        var scenario = Scenario()
        let any = scenario.pending("any", Self.proxy())
        let specific = scenario.pending("specific", Self.proxy(ip: "10.0.0.1"))
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: any + specific)])) == [.hostPortConflict])
        let apart = Plan(launches: [scenario.launch("n1", pods: any), scenario.launch("n2", pods: specific)])
        #expect(scenario.rules(apart) == [])
    }

    @Test func distinctAddressesOrProtocolsCoexist() {
        var scenario = Scenario()
        let first = scenario.pending("a", Self.proxy(ip: "10.0.0.1"))
        let second = scenario.pending("b", Self.proxy(ip: "10.0.0.2"))
        let udp = scenario.pending("c", Self.proxy(protocol: "UDP"))
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: first + second + udp)])) == [])
    }

    @Test func daemonSetPortsAreTaken() {
        var scenario = Scenario()
        scenario.snapshot.daemonSets = [DaemonSet(name: "proxy", template: Self.proxy())]
        let web = scenario.pending("web", Self.proxy(ip: "10.0.0.1"))
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: web)])) == [.hostPortConflict])
    }
}
