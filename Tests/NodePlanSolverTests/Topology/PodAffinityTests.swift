import NodePlanModel
import NodePlanTesting
import Testing

@Suite struct PodAffinityTests {
    let standard = InstanceTypes.make("standard", cpu: 4, memoryGiB: 16, price: 0.2)

    @Test func selfAffinityBootstrapsOneZoneForAllReplicas() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .pods("web", count: 5, PodTemplate(cpu: "3").labels(["app": "web"])
                .podAffinity(WellKnownLabel.zone, to: ["app": "web"]))
            .solve()
        #expect(result.launches.count == 5)
        #expect(Set(result.launches.map(\.choice.zone)).count == 1)
    }

    @Test func affinityToAMissingPodIsUnschedulable() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .pods("web", PodTemplate().labels(["app": "web"]).podAffinity(WellKnownLabel.zone, to: ["app": "db"]))
            .solve()
        #expect(result.unschedulable("web-0")?.reason.contains("pod affinity") == true)
    }

    @Test func affinityFollowsARunningPod() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .node("db-node", like: standard, pool: "default", zone: "test-zone-2",
                  taints: [Taint(key: "db", effect: .noSchedule)])
            .running("db", on: "db-node", PodTemplate().labels(["app": "db"]))
            .pods("web", PodTemplate().podAffinity(WellKnownLabel.zone, to: ["app": "db"]))
            .solve()
        #expect(result.launch(of: "web-0")?.choice.zone == "test-zone-2")
    }

    /// The affine pod sorts first (more CPU), fails, is requeued, and lands once its target is placed.
    @Test func requeueResolvesAffinityWithinTheBatch() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .pods("web", PodTemplate(cpu: "2").podAffinity(WellKnownLabel.hostname, to: ["app": "cache"]))
            .pods("cache", PodTemplate(cpu: "1").labels(["app": "cache"]))
            .solve()
        #expect(result.launch(of: "web-0")?.name == result.launch(of: "cache-0")?.name)
        #expect(result.launches.count == 1)
    }

    @Test func hostnameAntiAffinityNeedsOneNodePerReplica() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .pods("web", count: 4, PodTemplate(cpu: "100m").labels(["app": "web"])
                .podAntiAffinity(WellKnownLabel.hostname, to: ["app": "web"]))
            .solve()
        #expect(result.launches.count == 4)
    }

    /// As in Karpenter, the first replica's NodeClaim could still be in any zone, so it blocks
    /// them all: one replica per solve, the rest wait for the next round.
    @Test func selfZoneAntiAffinityPlacesOneReplicaPerSolve() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .pods("web", count: 4, PodTemplate(cpu: "100m").labels(["app": "web"])
                .podAntiAffinity(WellKnownLabel.zone, to: ["app": "web"]))
            .solve()
        #expect(result.launches.count == 1)
        #expect(result.plan.unschedulable.count == 3)
    }

    @Test func zoneAntiAffinityRunsOutOfZonesWhenZonesAreDecided() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .pods("web", count: 4, PodTemplate(cpu: "100m").labels(["app": "web"])
                .podAntiAffinity(WellKnownLabel.zone, to: ["app": "web"]).spread(WellKnownLabel.zone))
            .solve()
        #expect(result.launches.count == 3)
        #expect(Set(result.launches.map(\.choice.zone)).count == 3)
        #expect(result.plan.unschedulable.count == 1)
    }

    @Test func runningPodsWithAntiAffinityRepelMatchingPods() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .node("z1", like: standard, pool: "default", zone: "test-zone-1")
            .running("loner", on: "z1", PodTemplate().podAntiAffinity(WellKnownLabel.zone, to: ["app": "web"]))
            .pods("web", PodTemplate().labels(["app": "web"]))
            .solve()
        #expect(result.launch(of: "web-0") != nil)
        #expect(result.launch(of: "web-0")?.choice.zone != "test-zone-1")
    }

    /// A pod with zone anti-affinity lands on a NodeClaim whose zone is still open, so every zone
    /// it could end up in is blocked for the pods it repels (Karpenter's "Schrödinger" case).
    @Test func undecidedZonesOfNewNodeClaimsAreAllBlocked() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .pods("loner", PodTemplate(cpu: "2").podAntiAffinity(WellKnownLabel.zone, to: ["app": "web"]))
            .pods("web", PodTemplate(cpu: "1").labels(["app": "web"]))
            .solve()
        #expect(result.launch(of: "loner-0") != nil)
        #expect(result.unschedulable("web-0")?.reason.contains("anti-affinity") == true)
    }

    @Test func namespaceSelectorsWidenTheCount() {
        let spreadAcross = LabelSelector(matchLabels: ["team": "a"])
        let result = Scenario().pool("default").instanceTypes([standard])
            .namespace("a1", labels: ["team": "a"]).namespace("b1", labels: ["team": "b"])
            .node("z1", like: standard, pool: "default", zone: "test-zone-1", taints: [Taint(key: "x", effect: .noSchedule)])
            .node("z2", like: standard, pool: "default", zone: "test-zone-2", taints: [Taint(key: "x", effect: .noSchedule)])
            .running("in-a1", on: "z1", PodTemplate(namespace: "a1").labels(["app": "web"]))
            .running("in-b1", on: "z2", PodTemplate(namespace: "b1").labels(["app": "web"]))
            .pods("web", PodTemplate().podAntiAffinity(WellKnownLabel.zone, to: ["app": "web"],
                                                       namespaceSelector: spreadAcross))
            .solve()
        #expect(result.launch(of: "web-0")?.choice.zone == "test-zone-2")
    }

    @Test func preferredAntiAffinityIsRelaxedWhenZonesRunOut() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .pods("web", count: 4, PodTemplate(cpu: "100m").labels(["app": "web"])
                .podAntiAffinity(WellKnownLabel.zone, to: ["app": "web"], weight: 50))
            .solve()
        #expect(result.placedCount == 4)
    }
}

@Suite struct InFlightAntiAffinityTests {
    let standard = InstanceTypes.make("standard", cpu: 4, memoryGiB: 16, price: 0.2)

    func inFlight(_ name: String) -> Node {
        Node(name: name, labels: [WellKnownLabel.nodePool: "default"], capacity: standard.capacity,
             allocatable: standard.allocatable, nodePool: "default", instanceType: "standard", registered: false,
             initialized: false, ready: false)
    }

    @Test func inFlightNodeClaimsWithUndecidedZonesBlockEveryZoneForAntiAffinity() {
        let result = Scenario().pool("default").instanceTypes([standard]).node(inFlight("claim-1"))
            .running("web", on: "claim-1", PodTemplate().labels(["app": "web"]))
            .pods("loner", PodTemplate(cpu: "3500m").podAntiAffinity(WellKnownLabel.zone, to: ["app": "web"]))
            .solve()
        #expect(result.unschedulable("loner-0")?.reason.contains("anti-affinity") == true)
    }

    @Test func ownersOnInFlightNodeClaimsRepelFromEveryZone() {
        let result = Scenario().pool("default").instanceTypes([standard]).node(inFlight("claim-1"))
            .running("loner", on: "claim-1", PodTemplate(cpu: "3").podAntiAffinity(WellKnownLabel.zone, to: ["app": "web"]))
            .pods("web", PodTemplate(cpu: "2").labels(["app": "web"]))
            .solve()
        #expect(result.unschedulable("web-0")?.reason.contains("anti-affinity") == true)
    }
}

@Suite struct AffinityBootstrapTests {
    let standard = InstanceTypes.make("standard", cpu: 4, memoryGiB: 16, price: 0.2)

    /// Once a replica runs somewhere, the others must join its zone even when another zone has
    /// room on an existing node.
    @Test func selfAffinityJoinsTheOccupiedZoneInsteadOfBootstrappingAnother() {
        let result = Scenario().pool("default").instanceTypes([standard])
            .node("z1-full", like: standard, pool: "default", zone: "test-zone-1",
                  taints: [Taint(key: "full", effect: .noSchedule)])
            .node("z2-free", like: standard, pool: "default", zone: "test-zone-2")
            .running("web-old", on: "z1-full", PodTemplate().labels(["app": "web"]))
            .pods("web", PodTemplate().labels(["app": "web"]).podAffinity(WellKnownLabel.zone, to: ["app": "web"]))
            .solve()
        #expect(result.launch(of: "web-0")?.choice.zone == "test-zone-1")
    }
}
