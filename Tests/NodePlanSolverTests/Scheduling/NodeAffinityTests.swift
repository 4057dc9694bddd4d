import NodePlanModel
import NodePlanTesting
import Testing

@Suite struct NodeAffinityTests {
    let standard = InstanceTypes.make("standard", cpu: 4, memoryGiB: 16, price: 0.2)

    func zone(_ launch: NodeLaunch?, in result: Solved) -> String? {
        launch.flatMap { result.pinned(WellKnownLabel.zone, of: $0) }
    }

    @Test func requiredTermsAreTriedInOrderAndTheLastIsKept() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .pods("web", PodTemplate().requiredNodeAffinity([.in(WellKnownLabel.zone, "nowhere")],
                                                            [.in(WellKnownLabel.zone, "test-zone-2")],
                                                            [.in(WellKnownLabel.zone, "test-zone-3")]))
            .pods("stuck", PodTemplate().requiredNodeAffinity([.in(WellKnownLabel.zone, "nowhere")],
                                                              [.in(WellKnownLabel.zone, "also-nowhere")]))
            .solve()
        #expect(zone(result.launch(of: "web-0"), in: result) == "test-zone-2")
        #expect(zone(result.launch(of: "stuck-0"), in: result) == nil)
        #expect(result.unschedulable("stuck-0") != nil)
    }

    @Test func heaviestPreferenceIsHonouredFirst() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .pods("web", PodTemplate().preferredNodeAffinity(weight: 10, .in(WellKnownLabel.zone, "test-zone-3"))
                .preferredNodeAffinity(weight: 50, .in(WellKnownLabel.zone, "test-zone-2")))
            .solve()
        #expect(result.launch(of: "web-0")?.choice.zone == "test-zone-2")
    }

    @Test func unsatisfiablePreferencesAreRelaxed() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .pods("web", PodTemplate().preferredNodeAffinity(weight: 50, .in(WellKnownLabel.zone, "nowhere")))
            .solve()
        #expect(result.launch(of: "web-0") != nil)
    }

    @Test func ignorePolicyDropsPreferencesUpFront() {
        let pod = PodTemplate().preferredNodeAffinity(weight: 50, .in(WellKnownLabel.zone, "test-zone-3"))
        let respected = Scenario().pool("default").instanceTypes([standard]).pods("web", pod).solve()
        #expect(respected.launch(of: "web-0")?.choice.zone == "test-zone-3")
        let ignored = Scenario().pool("default").instanceTypes([standard]).pods("web", pod)
            .options { $0.preferencePolicy = .ignore }.solve()
        #expect(ignored.launch(of: "web-0")?.choice.zone == "test-zone-1")
    }

    /// Karpenter relaxes, one step per retry: required OR-terms, preferred pod affinity,
    /// preferred pod anti-affinity, preferred node affinity, ScheduleAnyway spread, then
    /// PreferNoSchedule taints.
    @Test func relaxationFollowsKarpentersOrder() {
        let pod = PodTemplate().labels(["app": "web"])
            .requiredNodeAffinity([.in("tier", "gold")], [.in("tier", "silver")])
            .podAffinity(WellKnownLabel.zone, to: ["app": "db"], weight: 10)
            .podAntiAffinity(WellKnownLabel.zone, to: ["app": "web"], weight: 10)
            .preferredNodeAffinity(weight: 10, .in(WellKnownLabel.zone, "test-zone-1"))
            .spread(WellKnownLabel.zone, whenUnsatisfiable: .scheduleAnyway)
        let result = Scenario().pool("default", taints: [Taint(key: "spare", effect: .preferNoSchedule)])
            .instanceTypes([standard]).pods("web", pod).solve()
        let details = result.unschedulable("web-0")?.details ?? []
        #expect(details.last == "relaxed before giving up: required node-affinity term, preferred pod affinity, "
            + "preferred pod anti-affinity, preferred node affinity, ScheduleAnyway topology spread, "
            + "PreferNoSchedule taints")
    }

    @Test func volumeTopologyPinsTheZone() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .pods("db", PodTemplate().volumeZones("test-zone-3")).solve()
        #expect(result.launch(of: "db-0")?.choice.zone == "test-zone-3")
    }

    /// Each candidate tries every volume alternative, so an existing node in the second
    /// alternative's zone wins over launching in the first's.
    @Test func volumeAlternativesAreTriedOnEveryCandidate() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .node("z2", like: standard, pool: "default", zone: "test-zone-2")
            .pods("db", PodTemplate().volumeZones("test-zone-1", "test-zone-2")).solve()
        #expect(result.placement(of: "db-0") == .existing(node: "z2"))
    }

    @Test func volumeAlternativesAreTriedInOrder() {
        let result = Scenario().pool("default", requirements: [.in(WellKnownLabel.zone, "test-zone-2", "test-zone-3")])
            .instanceTypes([standard])
            .pods("db", PodTemplate().volumeZones("test-zone-1", "test-zone-3")).solve()
        #expect(result.launch(of: "db-0")?.choice.zone == "test-zone-3")
    }
}
