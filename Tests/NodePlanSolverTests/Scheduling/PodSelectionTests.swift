import NodePlanModel
import NodePlanTesting
import Testing

@Suite struct PodSelectionTests {
    let standard = InstanceTypes.make("standard", cpu: 4, memoryGiB: 16, price: 0.2)

    @Test func preemptingTerminatingAndDaemonSetPodsAreLeftAlone() {
        var scenario = Scenario().pool("default").instanceTypes([standard])
            .pods("web").pods("preempting").pods("leaving")
            .pods("agent", PodTemplate().owner(kind: "DaemonSet", name: "agent"))
        scenario.snapshot.pods[1].nominatedNodeName = "somewhere"
        scenario.snapshot.pods[2].deletedAt = 5
        let result = scenario.solve()
        #expect(result.launch(of: "web-0") != nil)
        for name in ["preempting-0", "leaving-0", "agent-0"] { #expect(result.placement(of: name) == .untouched) }
    }

    @Test func deletingNodesKeepDoNotDisruptAndBudgetProtectedPods() {
        var scenario = Scenario().pool("default").instanceTypes([standard])
            .node("old", like: standard, pool: "default", markedForDeletion: true)
            .running("free", on: "old", PodTemplate().labels(["app": "free"]))
            .running("pinned", on: "old", PodTemplate().labels(["app": "pinned"]))
            .running("guarded", on: "old", PodTemplate().labels(["app": "guarded"]))
        scenario.snapshot.pods[1].annotations[WellKnownAnnotation.doNotDisrupt] = "true"
        scenario.snapshot.podDisruptionBudgets.append(PodDisruptionBudget(
            name: "guard", selector: LabelSelector(matchLabels: ["app": "guarded"]), disruptionsAllowed: 0))
        let result = scenario.solve()
        #expect(result.launches.flatMap { result.podNames($0.pods) } == ["free-0"])
    }

    @Test func deprecatedLabelKeysMatchTheirStableSpelling() {
        let arm = InstanceTypes.make("arm", cpu: 4, memoryGiB: 16, price: 0.1, arch: "arm64")
        let result = Scenario().pool("default").instanceTypes([standard, arm])
            .pods("web", PodTemplate().nodeSelector(["beta.kubernetes.io/arch": "amd64"]))
            .solve()
        #expect(result.launch(of: "web-0")?.choice.instanceType == "standard")
    }
}
