import Testing
import NodePlanModel
@testable import NodePlanReport

@Suite struct PlanTextReportTests {
    static let instanceType = InstanceType(
        name: "Standard_D4s_v5", capacity: ["cpu": .units(4), "memory": .gibibytes(16), "pods": .units(250)],
        overhead: ["cpu": .millis(140)], offerings: [Offering(zone: "eastus-1", capacityType: .spot, price: 0.05)])

    static func scenario() -> (Snapshot, Plan) {
        var snapshot = Snapshot(instanceTypes: [instanceType], nodePools: [NodePool(name: "general")])
        let pods = snapshot.addPods(PodSpec(containers: [Container(name: "app", requests: ["cpu": .millis(900)])]),
                                    count: 5, namePrefix: "web")
        let choice = LaunchOption(instanceType: "Standard_D4s_v5", zone: "eastus-1", capacityType: .spot, price: 0.05)
        let plan = Plan(
            launches: [NodeLaunch(name: "general-0", nodePool: "general", choice: choice,
                                  pods: pods.prefix(4).map(Int32.init), requests: ["cpu": .millis(3600)])],
            unschedulable: [UnschedulablePod(pod: Int32(pods.last!), reason: "exceeds NodePool general's cpu limit")],
            cost: CostSummary(before: 0, after: 0.05, lowerBound: 0.04))
        return (snapshot, plan)
    }

    @Test func tableGroupsLaunchesAndShowsCostAndReasons() {
        let (snapshot, plan) = Self.scenario()
        let text = PlanTextReport(summary: PlanSummary(snapshot: snapshot, plan: plan)).render()
        #expect(text.contains("POOL     SKU              ZONE      CAPACITY  NODES  PODS"))
        // 3600m requested of 3860m allocatable is 93% CPU.
        #expect(text.contains("general  Standard_D4s_v5  eastus-1  spot          1     4  $0.0500   $36.50    93     0"))
        #expect(text.contains("1 pods (web-4): exceeds NodePool general's cpu limit"))
        #expect(text.contains("lower bound $0.0400/h, gap 25.0%"))
        #expect(!text.contains("\u{1B}["))
    }

    @Test func colorsOnlyWhenAsked() {
        let (snapshot, plan) = Self.scenario()
        #expect(PlanTextReport(summary: PlanSummary(snapshot: snapshot, plan: plan), colors: true).render().contains("\u{1B}[1m"))
    }

    @Test func fixedFormattingRounds() {
        #expect(PlanTextReport.fixed(0.04999, digits: 4) == "0.0500")
        #expect(PlanTextReport.fixed(12.345, digits: 1) == "12.3")
        #expect(PlanTextReport.fixed(-1.5, digits: 2) == "-1.50")
        #expect(PlanTextReport.fixed(99.6, digits: 0) == "100")
    }
}

@Suite struct PlanDocumentTests {
    @Test func namesPodsAndRendersYAML() throws {
        let (snapshot, plan) = PlanTextReportTests.scenario()
        let document = PlanDocument(snapshot: snapshot, plan: plan)
        #expect(document.launches.first?.pods == ["default/web-0", "default/web-1", "default/web-2", "default/web-3"])
        let yaml = try YAMLEmitter.yaml(document)
        #expect(yaml.contains("launches:\n  - capacityType: spot\n"))
        #expect(yaml.contains("    pods:\n      - default/web-0\n"))
        #expect(yaml.contains("unschedulable:\n  - details: []\n    pod: default/web-4\n"))
        #expect(yaml.contains("reason: \"exceeds NodePool general's cpu limit\""))
        #expect(yaml.contains("strategy: optimize"))
    }
}

@Suite struct PlanHTMLReportTests {
    @Test func drawsOneFillPerNodeAndEscapes() {
        let (snapshot, plan) = PlanTextReportTests.scenario()
        let html = PlanHTMLReport(title: "<demo>", snapshot: snapshot, plan: plan,
                                  instanceTypes: ["general": [PlanTextReportTests.instanceType]]).render()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>&lt;demo&gt;</title>"))
        #expect(html.components(separatedBy: "<svg class=\"fill\"").count == 2)
        #expect(html.contains("data-node=\"general-0\""))
        #expect(html.contains("cpu 93% · mem 0%"))
        #expect(html.contains("<div class=\"node new\">"))
        #expect(html.contains("data-cpu=\"0.933\" data-memory=\"0.000\""))
        #expect(html.contains("<li><b>web-4</b>: exceeds NodePool general&#39;s cpu limit"))
    }
}
