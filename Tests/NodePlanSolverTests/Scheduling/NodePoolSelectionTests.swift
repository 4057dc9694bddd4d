import NodePlanModel
import NodePlanTesting
import Testing

@Suite struct NodePoolSelectionTests {
    let standard = InstanceTypes.make("standard", cpu: 4, memoryGiB: 16, price: 0.2)

    @Test func heavierPoolWins() {
        let result = Scenario().pool("light", weight: 10).pool("heavy", weight: 50).instanceTypes([standard])
            .pods("web").solve()
        #expect(result.launches.map(\.nodePool) == ["heavy"])
    }

    @Test func equalWeightsGoToTheNameThatSortsLast() {
        let result = Scenario().pool("alpha").pool("beta").instanceTypes([standard]).pods("web").solve()
        #expect(result.launches.map(\.nodePool) == ["beta"])
    }

    @Test func untoleratedPoolTaintFallsThroughToTheNextPool() {
        let result = Scenario()
            .pool("gpu", weight: 100, taints: [Taint(key: "dedicated", value: "gpu", effect: .noSchedule)])
            .pool("general").instanceTypes([standard])
            .pods("web").pods("trainer", PodTemplate().tolerating("dedicated", value: "gpu"))
            .solve()
        #expect(result.launch(of: "web-0")?.nodePool == "general")
        #expect(result.launch(of: "trainer-0")?.nodePool == "gpu")
    }

    @Test func startupTaintsDoNotKeepPodsAway() {
        let result = Scenario().pool("default", startupTaints: [Taint(key: "cilium", effect: .noSchedule)])
            .instanceTypes([standard]).pods("web").solve()
        #expect(result.launches.count == 1)
        #expect(result.launches[0].startupTaints.map(\.key) == ["cilium"])
    }

    @Test func preferNoScheduleIsHardUntilTheLastRelaxation() {
        let soft = Taint(key: "spare", effect: .preferNoSchedule)
        let both = Scenario().pool("spare", weight: 100, taints: [soft]).pool("general").instanceTypes([standard])
            .pods("web").solve()
        #expect(both.launches.map(\.nodePool) == ["general"])
        let only = Scenario().pool("spare", taints: [soft]).instanceTypes([standard]).pods("web").solve()
        #expect(only.launches.map(\.nodePool) == ["spare"])
    }

    @Test func customLabelsMustBeDefinedByAPool() {
        let result = Scenario().pool("team-a", labels: ["team": "a"]).instanceTypes([standard])
            .pods("wanted", PodTemplate().nodeSelector(["team": "a"]))
            .pods("undefined", PodTemplate().nodeSelector(["tier": "gold"]))
            .pods("excluded", PodTemplate().requiredNodeAffinity(
                [NodeSelectorRequirement(key: "tier", operator: .notIn, values: ["gold"])]))
            .solve()
        #expect(result.launch(of: "wanted-0")?.labels["team"] == "a")
        #expect(result.unschedulable("undefined-0")?.reason.contains("tier") == true)
        #expect(result.launch(of: "excluded-0") != nil)
    }

    @Test func singleValuedCustomRequirementsBecomeNodeLabels() {
        let result = Scenario().pool("default", requirements: [.in("example.com/tier", "gold")])
            .instanceTypes([standard]).pods("web").solve()
        #expect(result.launches.first?.labels["example.com/tier"] == "gold")
        #expect(result.launches.first?.labels[WellKnownLabel.nodePool] == "default")
    }

    @Test func integerBoundsSelectInstanceTypes() {
        let types = [2, 4, 8].map { cpu in
            InstanceTypes.make("cpu-\(cpu)", cpu: Int64(cpu), memoryGiB: 8, price: Double(cpu) / 10,
                               labels: [WellKnownLabel.azureSKUCPU: "\(cpu)"])
        }
        let result = Scenario().pool("default").instanceTypes(types)
            .pods("web", PodTemplate().requiredNodeAffinity([
                NodeSelectorRequirement(key: WellKnownLabel.azureSKUCPU, operator: .gt, values: ["2"]),
                NodeSelectorRequirement(key: WellKnownLabel.azureSKUCPU, operator: .lt, values: ["8"]),
            ]))
            .solve()
        #expect(result.launches.map(\.choice.instanceType) == ["cpu-4"])
    }

    @Test func podsRequiringRestrictedLabelsAreIgnoredWithAReason() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .pods("pinned", PodTemplate().nodeSelector([WellKnownLabel.hostname: "node-1"]))
            .solve()
        #expect(result.launches.isEmpty)
        #expect(result.unschedulable("pinned-0")?.reason.contains("restricted label") == true)
    }

    @Test func staticPoolsAreLeftOut() {
        let result = Scenario().pool(NodePool(name: "static", weight: 100, replicas: 3)).pool("dynamic")
            .instanceTypes([standard]).pods("web").solve()
        #expect(result.launches.map(\.nodePool) == ["dynamic"])
    }
}

@Suite struct NodePoolReadinessTests {
    let standard = InstanceTypes.make("standard", cpu: 4, memoryGiB: 16, price: 0.2)

    @Test func poolsWithoutTheirNodeClassAreSkippedWithAWarning() {
        let result = Scenario().nodeClass(AKSNodeClass(name: "default"))
            .pool(NodePool(name: "orphan", weight: 100, nodeClass: "missing")).pool("default")
            .instanceTypes([standard]).pods("web").solve()
        #expect(result.launches.map(\.nodePool) == ["default"])
        #expect(result.plan.warnings == ["NodePool \"orphan\" skipped: AKSNodeClass \"missing\" not found"])
    }

    @Test func poolsWhoseRequirementsMatchNoInstanceTypeAreReported() {
        let result = Scenario().pool("arm", weight: 100, requirements: [.in(WellKnownLabel.arch, "arm64")])
            .pool("default").instanceTypes([standard]).pods("web").solve()
        #expect(result.launches.map(\.nodePool) == ["default"])
        #expect(result.plan.warnings == ["NodePool \"arm\": no instance type is compatible with its requirements"])
    }
}

@Suite struct TolerationTests {
    let standard = InstanceTypes.make("standard", cpu: 4, memoryGiB: 16, price: 0.2)

    @Test func emptyKeyExistsToleratesEveryTaint() {
        let result = Scenario()
            .pool("locked", taints: [Taint(key: "a", value: "1", effect: .noSchedule), Taint(key: "b", effect: .noExecute)])
            .instanceTypes([standard])
            .pods("anything", PodTemplate().toleratingEverything())
            .pods("picky", PodTemplate().tolerating("a", value: "1", effect: .noSchedule))
            .solve()
        #expect(result.launch(of: "anything-0") != nil)
        #expect(result.unschedulable("picky-0")?.reason.contains("taint b:NoExecute") == true)
    }

    @Test func zeroExtendedResourceRequestsFitAnywhere() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .pods("web", PodTemplate().requesting(ResourceName.nvidiaGPU, "0")).solve()
        #expect(result.launch(of: "web-0") != nil)
    }
}
