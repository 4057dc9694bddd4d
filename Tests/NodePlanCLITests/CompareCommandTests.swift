import Foundation
import Testing

/// `nodeplan compare` on the workshop's first module: both columns, and each equal to its own `solve --strategy`.
@Suite struct CompareCommandTests {
    @Test func tableHasOneColumnPerStrategyAndTheSaving() throws {
        let result = try NodePlanProcess.run(["compare"] + SolveCommandTests.module)
        #expect(result.status == 1, "pods left pending by either plan exit with 1: \(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.split(separator: " ", omittingEmptySubsequences: true) == ["KARPENTER", "OPTIMIZE"])
        for row in ["new nodes", "nodes after", "pods placed", "unschedulable pods", "cost $/hour", "cost $/month",
                    "new nodes $/hour", "cpu utilization %", "memory utilization %", "pods utilization %", "solve ms",
                    "lower bound $/hour", "gap to lower bound %"] {
            let line = try #require(lines.first { $0.hasPrefix(row + "  ") }, "row \(row)")
            #expect(line.dropFirst(row.count).split(separator: " ").count == 2, "two figures in \(line)")
        }
        #expect(lines.last?.hasPrefix("saving with optimize: $") == true)
    }

    @Test func jsonColumnsMatchSeparateSolves() throws {
        let result = try NodePlanProcess.run(["compare", "-o", "json"] + SolveCommandTests.module)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(Set(document.keys) == ["baseline", "optimized", "saving"])
        let saving = try #require(document["saving"] as? [String: Double])
        #expect(Set(saving.keys) == ["perHour", "perMonth", "percent"])
        var costs: [String: Double] = [:]
        for (key, strategy) in [("baseline", "karpenter"), ("optimized", "optimize")] {
            let column = try #require(document[key] as? [String: Any])
            #expect(Set(column.keys) == ["strategy", "newNodes", "nodesAfter", "podsPlaced", "unschedulablePods", "costPerHour",
                                         "costPerMonth", "newNodeCostPerHour", "utilizationPercent", "solveMilliseconds",
                                         "lowerBoundPerHour", "gapPercent"])
            #expect(column["strategy"] as? String == strategy)
            let solved = try NodePlanProcess.run(["solve", "-o", "json", "--strategy", strategy] + SolveCommandTests.module)
            let plan = try #require(try JSONSerialization.jsonObject(with: Data(solved.standardOutput.utf8)) as? [String: Any])
            let launches = try #require(plan["launches"] as? [[String: Any]])
            let cost = try #require(plan["cost"] as? [String: Double])
            #expect(column["newNodes"] as? Int == launches.count)
            #expect(column["podsPlaced"] as? Int == launches.reduce(0) { $0 + (($1["pods"] as? [String])?.count ?? 0) })
            #expect(column["unschedulablePods"] as? Int == (plan["unschedulable"] as? [Any])?.count)
            let costPerHour = try #require(column["costPerHour"] as? Double)
            #expect(abs(costPerHour - cost["after"]!) < 1e-9)
            #expect(abs((column["costPerMonth"] as? Double ?? 0) - costPerHour * 730) < 1e-6)
            #expect(abs((column["newNodeCostPerHour"] as? Double ?? 0)
                        - launches.reduce(0) { $0 + ($1["pricePerHour"] as? Double ?? 0) }) < 1e-9)
            #expect(abs((column["lowerBoundPerHour"] as? Double ?? 0) - cost["lowerBound"]!) < 1e-9)
            let utilization = try #require(column["utilizationPercent"] as? [String: Double])
            #expect(Set(utilization.keys) == ["cpu", "memory", "pods"])
            #expect(utilization.values.allSatisfy { $0 > 0 && $0 <= 100 })
            #expect((column["solveMilliseconds"] as? Double ?? 0) > 0)
            costs[key] = costPerHour
        }
        #expect(abs(saving["perHour"]! - (costs["baseline"]! - costs["optimized"]!)) < 1e-9)
    }
}
