import NodePlanModel
import NodePlanValidator
import Testing

@Suite struct VolumeLimitRuleTests {
    @Test func attachLimitsHoldOnExistingNodes() {
        var scenario = Scenario()
        scenario.node("disks") { $0.volumeLimits = ["disk.csi.azure.com": 2] }
        let withDisk = Scenario.spec { $0.volumes.attachments = ["disk.csi.azure.com": 1] }
        scenario.running("db", withDisk, on: "disks")
        let more = scenario.pending("more", withDisk, count: 2)
        #expect(scenario.rules(Plan(assignments: [NodeAssignment(node: "disks", pods: more)])) == [.volumeLimitExceeded])
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: [more[0]])],
                                    assignments: [NodeAssignment(node: "disks", pods: [more[1]])])) == [])
    }
}
