import NodePlanModel
import NodePlanTesting
import Testing

@Suite struct TopologySpreadTests {
    let standard = InstanceTypes.make("standard", cpu: 4, memoryGiB: 16, price: 0.2)

    @Test func zoneSpreadPinsEachNodeClaimToTheEmptiestZone() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .pods("web", count: 6, PodTemplate(cpu: "100m").labels(["app": "web"]).spread(WellKnownLabel.zone))
            .solve()
        #expect(result.launches.count == 3)
        #expect(Set(result.launches.compactMap { result.pinned(WellKnownLabel.zone, of: $0) })
            == Set(InstanceTypes.zones))
        #expect(result.launches.map(\.pods.count) == [2, 2, 2])
    }

    @Test func hostnameSpreadPutsOnePodPerNode() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .pods("web", count: 4, PodTemplate(cpu: "100m").labels(["app": "web"]).spread(WellKnownLabel.hostname))
            .solve()
        #expect(result.launches.count == 4)
    }

    @Test func capacityTypeSpreadUsesBothCapacityTypes() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .pods("web", count: 2, PodTemplate(cpu: "100m").labels(["app": "web"]).spread(WellKnownLabel.capacityType))
            .solve()
        #expect(Set(result.launches.map(\.choice.capacityType)) == [.spot, .onDemand])
    }

    @Test func runningPodsCountTowardsSkew() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .node("z1", like: standard, pool: "default", zone: "test-zone-1", taints: [Taint(key: "full", effect: .noSchedule)])
            .node("z2", like: standard, pool: "default", zone: "test-zone-2", taints: [Taint(key: "full", effect: .noSchedule)])
            .running("old", on: "z1", PodTemplate().labels(["app": "web"]))
            .running("older", on: "z2", PodTemplate().labels(["app": "web"]))
            .pods("web", PodTemplate(cpu: "100m").labels(["app": "web"]).spread(WellKnownLabel.zone))
            .solve()
        #expect(result.launch(of: "web-0")?.choice.zone == "test-zone-3")
    }

    /// With fewer eligible domains than minDomains the global minimum counts as zero, so each
    /// of the three zones can take only maxSkew pods.
    @Test func minDomainsCapsPodsPerZone() {
        let pod = PodTemplate(cpu: "100m").labels(["app": "web"])
        let capped = Scenario().pool("default").instanceTypes([standard])
            .pods("web", count: 5, pod.spread(WellKnownLabel.zone, minDomains: 5)).solve()
        #expect(capped.placedCount == 3)
        #expect(capped.plan.unschedulable.count == 2)
        let uncapped = Scenario().pool("default").instanceTypes([standard])
            .pods("web", count: 5, pod.spread(WellKnownLabel.zone)).solve()
        #expect(uncapped.placedCount == 5)
    }

    /// The domain universe includes existing nodes' labels: a zone only a (full) existing node
    /// has still counts, so DoNotSchedule blocks while ScheduleAnyway relaxes.
    @Test func scheduleAnywayIsRelaxedWhereDoNotScheduleBlocks() {
        func scenario(_ action: UnsatisfiableConstraintAction, taintsPolicy: NodeInclusionPolicy = .ignore) -> Solved {
            Scenario().pool("default", requirements: [.in(WellKnownLabel.zone, "test-zone-1")]).instanceTypes([standard])
                .node("other", like: standard, zone: "test-zone-2", taints: [Taint(key: "full", effect: .noSchedule)])
                .pods("web", count: 3, PodTemplate(cpu: "100m").labels(["app": "web"])
                    .spread(WellKnownLabel.zone, whenUnsatisfiable: action, nodeTaintsPolicy: taintsPolicy))
                .solve()
        }
        #expect(scenario(.doNotSchedule).placedCount == 1)
        #expect(scenario(.scheduleAnyway).placedCount == 3)
        #expect(scenario(.doNotSchedule, taintsPolicy: .honor).placedCount == 3)
    }

    @Test func unknownTopologyKeyBlocksDoNotSchedule() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .pods("web", PodTemplate().labels(["app": "web"]).spread("example.com/rack")).solve()
        #expect(result.unschedulable("web-0")?.reason.contains("topology spread") == true)
    }

    @Test func customKeyDomainsComeFromPoolRequirements() {
        let result = Scenario().pool("default", requirements: [.in("example.com/rack", "r1", "r2")])
            .instanceTypes([standard])
            .pods("web", count: 2, PodTemplate().labels(["app": "web"]).spread("example.com/rack"))
            .solve()
        #expect(Set(result.launches.map { $0.labels["example.com/rack"] }) == ["r1", "r2"])
    }

    @Test func podsInOtherNamespacesDoNotCount() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .node("z1", like: standard, pool: "default", zone: "test-zone-1", taints: [Taint(key: "full", effect: .noSchedule)])
            .running("other", count: 3, on: "z1", PodTemplate(namespace: "other").labels(["app": "web"]))
            .pods("web", PodTemplate(cpu: "100m").labels(["app": "web"]).spread(WellKnownLabel.zone))
            .solve()
        #expect(result.launch(of: "web-0")?.choice.zone == "test-zone-1")
    }
}

@Suite struct TopologySpreadSelectorTests {
    let standard = InstanceTypes.make("standard", cpu: 4, memoryGiB: 16, price: 0.2)

    /// matchLabelKeys narrows the selector to pods sharing the key's value (e.g. one revision).
    @Test func matchLabelKeysSpreadEachRevisionSeparately() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .node("z1", like: standard, pool: "default", zone: "test-zone-1", taints: [Taint(key: "x", effect: .noSchedule)])
            .running("old", count: 2, on: "z1", PodTemplate().labels(["app": "web", "rev": "1"]))
            .pods("web", PodTemplate(cpu: "100m").labels(["app": "web", "rev": "2"])
                .spread(WellKnownLabel.zone, selector: ["app": "web"], matchLabelKeys: ["rev"]))
            .solve()
        #expect(result.launch(of: "web-0")?.choice.zone == "test-zone-1")
    }

    @Test func podsNotSelectedByTheirOwnConstraintMayShareANode() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .pods("web", count: 3, PodTemplate(cpu: "100m").labels(["app": "web"])
                .spread(WellKnownLabel.hostname, selector: ["app": "other"]))
            .solve()
        #expect(result.launches.count == 1)
    }
}

@Suite struct TopologySpreadInclusionTests {
    let standard = InstanceTypes.make("standard", cpu: 4, memoryGiB: 16, price: 0.2)

    /// With nodeAffinityPolicy Honor (the default) pods on nodes the pod's nodeSelector excludes
    /// are not counted; with Ignore they are.
    @Test func nodeAffinityPolicyDecidesWhichNodesCount() {
        func zone(_ policy: NodeInclusionPolicy) -> String? {
            Scenario().pool("gold", labels: ["tier": "gold"]).instanceTypes([standard])
                .node("silver", like: standard, zone: "test-zone-1", labels: ["tier": "silver"],
                      taints: [Taint(key: "x", effect: .noSchedule)])
                .running("old", count: 2, on: "silver", PodTemplate().labels(["app": "web"]))
                .pods("web", PodTemplate().labels(["app": "web"]).nodeSelector(["tier": "gold"])
                    .spread(WellKnownLabel.zone, nodeAffinityPolicy: policy))
                .solve().launch(of: "web-0")?.choice.zone
        }
        #expect(zone(.honor) == "test-zone-1")
        #expect(zone(.ignore) == "test-zone-2")
    }
}
