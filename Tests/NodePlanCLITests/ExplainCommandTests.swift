import Testing

@Suite struct ExplainCommandTests {
    static let module = ["examples/workshop/azure-westus2.yaml", "examples/workshop/6-advanced-scheduling/nodepools.yaml",
                         "examples/workshop/6-advanced-scheduling/workloads.yaml"]

    @Test func placedPodNamesItsNodePoolAndSKU() throws {
        let result = try NodePlanProcess.run(["explain", "workshop/checkout-pending-0"] + Self.module)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("Pod workshop/checkout-pending-0 (priority 100000"))
        #expect(result.standardOutput.contains("→ new node general-"))
        #expect(result.standardOutput.contains("NodePools are tried by weight (ties: name descending): general (20), web (10)"))
    }

    @Test func unschedulablePodListsEveryPoolsReasonAndAHint() throws {
        let result = try NodePlanProcess.run(["explain", "reports-pending-9"] + Self.module)
        #expect(result.status == 1)
        let text = result.standardOutput
        #expect(text.contains("✗ unschedulable: no NodePool can host the pod"))
        for pool in ["general", "web", "spot-spread", "on-demand-spread"] { #expect(text.contains("- NodePool \"\(pool)\": ")) }
        #expect(text.contains("what would help: raise the NodePool's limits"))
    }

    @Test func unknownPodIsBadInput() throws {
        let result = try NodePlanProcess.run(["explain", "no-such-pod"] + Self.module)
        #expect(result.status == 2)
        #expect(result.standardError.contains("no pod named no-such-pod"))
    }
}
