import NodePlanModel
import NodePlanValidator
import Testing

@Suite struct DisruptionRuleTests {
    /// Nodes `old` (running `web-0`) and `spare`; the plan moves `web-0` to `spare` and removes `old`.
    private func consolidation(reason: TerminationReason = .underutilized,
                               configure: (inout Scenario) -> Void = { _ in }) -> (Scenario, Plan) {
        var scenario = Scenario()
        scenario.node("old")
        scenario.node("spare")
        let web = scenario.running("web", Scenario.spec(labels: ["app": "web"]), on: "old")
        configure(&scenario)
        let plan = Plan(assignments: [NodeAssignment(node: "spare", pods: web)],
                        terminations: [NodeTermination(node: "old", reason: reason, evictedPods: web)])
        return (scenario, plan)
    }

    @Test func plainConsolidationIsAllowed() {
        let (scenario, plan) = consolidation()
        #expect(scenario.rules(plan) == [])
    }

    @Test func doNotDisruptNodesAndPodsStay() {
        let (annotatedNode, plan) = consolidation { $0.snapshot.nodes[0].annotations = [WellKnownAnnotation.doNotDisrupt: "true"] }
        #expect(annotatedNode.rules(plan) == [.doNotDisruptIgnored])
        let (annotatedPod, _) = consolidation { $0.snapshot.pods[0].annotations = [WellKnownAnnotation.doNotDisrupt: "true"] }
        #expect(annotatedPod.rules(plan) == [.doNotDisruptIgnored])
        let (nominated, _) = consolidation { $0.snapshot.nodes[0].nominated = true }
        #expect(nominated.rules(plan) == [.doNotDisruptIgnored])
        // Expiry is forceful.
        let (expiring, expiry) = consolidation(reason: .expired) { $0.snapshot.pods[0].annotations = [WellKnownAnnotation.doNotDisrupt: "true"] }
        #expect(expiring.rules(expiry) == [])
    }

    @Test func podDisruptionBudgetsMustAllowTheEviction() {
        let selector = LabelSelector(matchLabels: ["app": "web"])
        let (exhausted, plan) = consolidation {
            $0.snapshot.podDisruptionBudgets = [PodDisruptionBudget(name: "web", selector: selector, minAvailable: "1")]
        }
        #expect(exhausted.rules(plan) == [.podDisruptionBudgetBlocks])
        let (doubled, _) = consolidation {
            $0.snapshot.podDisruptionBudgets = [PodDisruptionBudget(name: "a", selector: selector, maxUnavailable: "1"),
                                                PodDisruptionBudget(name: "b", selector: selector, maxUnavailable: "1")]
        }
        #expect(doubled.rules(plan) == [.podDisruptionBudgetBlocks])
        let (roomy, _) = consolidation {
            $0.snapshot.podDisruptionBudgets = [PodDisruptionBudget(name: "web", selector: selector, maxUnavailable: "50%")]
        }
        #expect(roomy.rules(plan) == [])
    }

    @Test func nodeBudgetsLimitEachBatch() {
        var scenario = Scenario(pool: NodePool(name: "general", disruption: Disruption(budgets: [DisruptionBudget(nodes: "1")])))
        for name in ["a", "b", "c"] { scenario.node(name) }
        let both = Plan(terminations: [NodeTermination(node: "a", reason: .empty), NodeTermination(node: "b", reason: .empty)])
        #expect(scenario.rules(both) == [.disruptionBudgetExceeded])
        let batched = Plan(terminations: [NodeTermination(node: "a", reason: .empty),
                                          NodeTermination(node: "b", reason: .empty, batch: 1)])
        #expect(scenario.rules(batched) == [])
        // A node already being deleted uses up the budget.
        scenario.snapshot.nodes[2].markedForDeletion = true
        #expect(scenario.rules(Plan(terminations: [NodeTermination(node: "a", reason: .empty)])) == [.disruptionBudgetExceeded])
    }

    @Test func percentageBudgetsRoundUpAndFilterReasons() {
        var scenario = Scenario(pool: NodePool(name: "general", disruption: Disruption(budgets: [
            DisruptionBudget(nodes: "10%"), DisruptionBudget(nodes: "0", reasons: [.drifted]),
        ])))
        for name in ["a", "b", "c"] { scenario.node(name) }
        #expect(scenario.rules(Plan(terminations: [NodeTermination(node: "a", reason: .empty)])) == [])
        #expect(scenario.rules(Plan(terminations: [NodeTermination(node: "a", reason: .drifted)])) == [.disruptionBudgetExceeded])
        #expect(scenario.rules(Plan(terminations: [NodeTermination(node: "a", reason: .expired)])) == [])
    }
}

@Suite struct ScheduledDisruptionBudgetTests {
    /// Pool "general" of three nodes whose only budget allows no disruption on `schedule` for an
    /// hour; the snapshot's clock reads `now`.
    private func scenario(schedule: String?, duration: Double? = 3600, now: Double) -> Scenario {
        var scenario = Scenario(pool: NodePool(name: "general", disruption: Disruption(budgets: [
            DisruptionBudget(nodes: "0", schedule: schedule, durationSeconds: duration),
        ])))
        for name in ["a", "b", "c"] { scenario.node(name) }
        scenario.snapshot.cluster.now = now
        return scenario
    }

    private let emptyNode = Plan(terminations: [NodeTermination(node: "a", reason: .empty)])
    /// 2026-11-25 (a Wednesday) 09:30 UTC.
    private let wednesdayMorning = 1_795_599_000.0

    @Test func aScheduledBudgetHoldsInsideItsWindow() {
        #expect(scenario(schedule: "0 9 * * *", now: wednesdayMorning).rules(emptyNode) == [.disruptionBudgetExceeded])
        #expect(scenario(schedule: "0 9 * * wed", now: wednesdayMorning).rules(emptyNode) == [.disruptionBudgetExceeded])
        #expect(scenario(schedule: "*/15 8-10 25 11 *", now: wednesdayMorning).rules(emptyNode) == [.disruptionBudgetExceeded])
    }

    @Test func aScheduledBudgetIsLiftedOutsideItsWindow() {
        #expect(scenario(schedule: "0 9 * * *", duration: 1200, now: wednesdayMorning).rules(emptyNode) == [])
        #expect(scenario(schedule: "0 9 * * thu", now: wednesdayMorning).rules(emptyNode) == [])
        #expect(scenario(schedule: "@daily", now: wednesdayMorning).rules(emptyNode) == [])
        // Both day fields restricted: either matching opens the window (the 1st is no Wednesday).
        #expect(scenario(schedule: "0 9 1 * wed", now: wednesdayMorning).rules(emptyNode) == [.disruptionBudgetExceeded])
        #expect(scenario(schedule: "0 9 1 * thu", now: wednesdayMorning).rules(emptyNode) == [])
    }

    @Test func aMisconfiguredScheduleAllowsNothing() {
        #expect(scenario(schedule: "0 25 * * *", now: wednesdayMorning).rules(emptyNode) == [.disruptionBudgetExceeded])
        #expect(scenario(schedule: "0 9 * * *", duration: nil, now: wednesdayMorning).rules(emptyNode)
            == [.disruptionBudgetExceeded])
    }
}
