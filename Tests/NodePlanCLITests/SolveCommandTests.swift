import Foundation
import Testing

/// `nodeplan solve` on the workshop's first module: 30 one-CPU pods against a 24-CPU pool limit.
@Suite struct SolveCommandTests {
    static let module = ["examples/workshop/azure-westus2.yaml", "examples/workshop/1-nodepools/nodepool.yaml",
                         "examples/workshop/1-nodepools/workload.yaml"]

    @Test func tablePrintsLaunchesUnschedulablePodsAndCost() throws {
        let result = try NodePlanProcess.run(["solve", "--color", "never"] + Self.module)
        #expect(result.status == 1, "pods left pending exit with 1")
        let text = result.standardOutput
        #expect(text.contains("POOL          SKU"))
        for column in ["ZONE", "CAPACITY", "NODES", "PODS", "$/HOUR", "$/MONTH", "CPU%", "MEM%"] {
            #expect(text.contains(column))
        }
        #expect(text.contains("default-demo"))
        #expect(text.contains("NodePool limit on cpu"))
        #expect(text.contains("Cost\nbefore $0.0000/h, after $"))
        #expect(!text.contains("\u{1B}["), "no colours when asked for none")
    }

    @Test func jsonAccountsForEveryPod() throws {
        let result = try NodePlanProcess.run(["solve", "-o", "json"] + Self.module)
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let launches = try #require(document["launches"] as? [[String: Any]])
        let unschedulable = try #require(document["unschedulable"] as? [[String: Any]])
        let placed = launches.reduce(0) { $0 + (($1["pods"] as? [String])?.count ?? 0) }
        #expect(placed + unschedulable.count == 30)
        #expect(placed == 22, "24 CPUs of nodes hold 22 one-CPU pods after kube-reserved")
        let cpuLaunched = launches.compactMap { ($0["instanceType"] as? String) }.count
        #expect(cpuLaunched == launches.count)
        #expect(launches.allSatisfy { $0["nodePool"] as? String == "default-demo" && $0["capacityType"] as? String == "on-demand" })
    }

    @Test func consolidateKeepsTheNewLaunches() throws {
        let result = try NodePlanProcess.run(["solve", "--consolidate", "-o", "json"] + Self.module)
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let launches = try #require(document["launches"] as? [[String: Any]])
        #expect(launches.reduce(0) { $0 + (($1["pods"] as? [String])?.count ?? 0) } == 22)
        #expect((document["terminations"] as? [Any] ?? []).isEmpty)
    }

    @Test func yamlIsTheSameDocument() throws {
        let result = try NodePlanProcess.run(["solve", "-o", "yaml"] + Self.module)
        #expect(result.standardOutput.hasPrefix("assignments: []\ncost:\n"))
        #expect(result.standardOutput.contains("\nlaunches:\n  - capacityType: on-demand\n"))
    }

    @Test func htmlReportDrawsEveryNode() throws {
        let directory = try NodePlanProcess.temporaryDirectory()
        let page = directory.appendingPathComponent("plan.html").path
        let result = try NodePlanProcess.run(["solve", "--html", page] + Self.module)
        #expect(result.status == 1)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg class=\"fill\"").count - 1 == 2)
        #expect(html.contains("<h2 class=\"bad\">Unschedulable pods</h2>"))
    }

    @Test func badInputNamesTheFieldAndExitsWithTwo() throws {
        let directory = try NodePlanProcess.temporaryDirectory()
        let file = directory.appendingPathComponent("bad.yaml")
        try """
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata:
          name: broken
        spec:
          template:
            spec:
              nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default}
              requirements:
                - {key: kubernetes.io/arch, operator: Inside, values: [amd64]}
        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try NodePlanProcess.run(["solve", "--region", "eastus", file.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("requirements[0].operator"))
        #expect(result.standardError.contains("Inside"))
    }

    @Test func timeBudgetBoundsTheSearchAndRefusesNegatives() throws {
        let zero = try NodePlanProcess.run(["solve", "-o", "json", "--time-budget", "0"] + Self.module)
        #expect(zero.status == 1, "a zero budget still returns Karpenter's plan, with the same pending pods")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(zero.standardOutput.utf8)) as? [String: Any])
        #expect((document["launches"] as? [[String: Any]])?.isEmpty == false)

        let negative = try NodePlanProcess.run(["solve", "--time-budget=-5"] + Self.module)
        #expect(negative.status == 2)
        #expect(negative.standardError.contains("--time-budget"))
    }
}
