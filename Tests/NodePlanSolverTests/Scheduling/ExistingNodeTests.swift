import NodePlanModel
import NodePlanTesting
import Testing

@Suite struct ExistingNodeTests {
    let standard = InstanceTypes.make("standard", cpu: 4, memoryGiB: 16, price: 0.2)

    @Test func existingRoomIsUsedBeforeLaunching() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .node("existing", like: standard, pool: "default")
            .running("busy", on: "existing", PodTemplate(cpu: "2"))
            .pods("fits", count: 2, PodTemplate(cpu: "900m"))
            .pods("big", PodTemplate(cpu: "3"))
            .solve()
        #expect(result.placement(of: "fits-0") == .existing(node: "existing"))
        #expect(result.placement(of: "fits-1") == .existing(node: "existing"))
        #expect(result.launch(of: "big-0") != nil)
    }

    @Test func initializedNodesComeFirstThenNames() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .node("a-starting", like: standard, pool: "default", initialized: false)
            .node("c-ready", like: standard, pool: "default")
            .node("b-ready", like: standard, pool: "default")
            .pods("web")
            .solve()
        #expect(result.placement(of: "web-0") == .existing(node: "b-ready"))
    }

    @Test func uninitializedManagedNodesIgnoreStartupAndEphemeralTaints() {
        var node = Node(name: "starting", labels: [WellKnownLabel.zone: "test-zone-1"],
                        taints: [Taint(key: "cilium", effect: .noSchedule),
                                 Taint(key: "node.kubernetes.io/not-ready", effect: .noSchedule)],
                        startupTaints: [Taint(key: "cilium", effect: .noSchedule)],
                        capacity: standard.capacity, allocatable: standard.allocatable, nodePool: "default",
                        instanceType: "standard", initialized: false)
        let starting = Scenario().pool("default").instanceTypes([standard]).node(node).pods("web").solve()
        #expect(starting.placement(of: "web-0") == .existing(node: "starting"))
        node.initialized = true
        let initialized = Scenario().pool("default").instanceTypes([standard]).node(node).pods("web").solve()
        #expect(initialized.launch(of: "web-0") != nil)
    }

    @Test func missingDaemonSetPodsReserveRoom() {
        let large = InstanceTypes.make("large", cpu: 8, memoryGiB: 32, price: 0.4)
        let result = Scenario().pool("default").instanceTypes([standard, large])
            .node("existing", like: standard, pool: "default")
            .daemonSet("agent", PodTemplate(cpu: "1"))
            .pods("web", PodTemplate(cpu: "3500m"))
            .solve()
        #expect(result.launch(of: "web-0")?.choice.instanceType == "large")
    }

    @Test func existingNodesNeedTheLabelsPodsRequire() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .node("existing", like: standard, pool: "default", zone: "test-zone-1")
            .pods("elsewhere", PodTemplate().nodeSelector([WellKnownLabel.zone: "test-zone-2"]))
            .pods("here", PodTemplate().nodeSelector([WellKnownLabel.zone: "test-zone-1"]))
            .solve()
        #expect(result.placement(of: "here-0") == .existing(node: "existing"))
        #expect(result.launch(of: "elsewhere-0").map { result.pinned(WellKnownLabel.zone, of: $0) } == "test-zone-2")
    }

    @Test func volumeAttachLimitsApplyToExistingNodesOnly() {
        var node = Node(name: "existing", labels: [WellKnownLabel.zone: "test-zone-1"], capacity: standard.capacity,
                        allocatable: standard.allocatable, nodePool: "default", instanceType: "standard",
                        volumeLimits: ["disk.csi.azure.com": 1])
        node.labels[WellKnownLabel.nodePool] = "default"
        let result = Scenario().pool("default").instanceTypes([standard]).node(node)
            .running("db", on: "existing", PodTemplate().attaching(1))
            .pods("db-new", count: 2, PodTemplate().attaching(1))
            .solve()
        #expect(result.launches.count == 1)
        #expect(result.launches[0].pods.count == 2)
    }

    @Test func podsOfDeletingNodesAreRehomed() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .node("old", like: standard, pool: "default", markedForDeletion: true)
            .running("web", count: 2, on: "old", PodTemplate(cpu: "1"))
            .running("agent", on: "old", PodTemplate().owner(kind: "DaemonSet", name: "agent"))
            .solve()
        #expect(result.launches.count == 1)
        #expect(result.podNames(result.launches[0].pods).sorted() == ["web-0", "web-1"])
    }
}

@Suite struct InFlightNodeClaimOrderTests {
    /// NodeClaims of this solve are tried fewest pods first (stable among equals), so small pods
    /// spread over the NodeClaims the big ones opened.
    @Test func newNodeClaimsAreTriedFewestPodsFirst() {
        let big = InstanceTypes.make("big", cpu: 8, memoryGiB: 32, price: 0.4)
        let result = Scenario().pool("default").instanceTypes([big])
            .pods("a", count: 2, PodTemplate(cpu: "4").labels(["app": "a"])
                .podAntiAffinity(WellKnownLabel.hostname, to: ["app": "a"]))
            .pods("s", count: 3, PodTemplate(cpu: "100m"))
            .solve()
        #expect(result.launches.map { result.podNames($0.pods) } == [["a-0", "s-0"], ["a-1", "s-1", "s-2"]])
    }
}
