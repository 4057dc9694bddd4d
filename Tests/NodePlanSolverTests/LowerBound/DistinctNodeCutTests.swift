import NodePlanModel
import NodePlanSolver
import NodePlanTesting
import Testing

@Suite struct DistinctNodeCutTests {
    let large = InstanceTypes.make("large", cpu: 16, memoryGiB: 64, price: 1.0, zones: ["test-zone-1"],
                                   capacityTypes: [.onDemand])
    let small = InstanceTypes.make("small", cpu: 2, memoryGiB: 8, price: 0.25, zones: ["test-zone-1"],
                                   capacityTypes: [.onDemand])

    @Test func hostnameAntiAffinityNeedsOneNodePerPod() {
        let apart = PodTemplate(cpu: "100m", memory: "128Mi").labels(["app": "db"])
            .podAntiAffinity(WellKnownLabel.hostname, to: ["app": "db"])
        let result = Scenario().pool("default").instanceTypes([large, small]).pods("db", count: 5, apart).solve()
        #expect(result.launches.count == 5)
        // Volume alone would prove a few cents; five distinct nodes cost at least five small ones.
        #expect(abs(result.plan.cost.lowerBound - 5 * 0.25) < 1e-9)
        #expect(abs(result.plan.cost.after - result.plan.cost.lowerBound) < 1e-9)
    }

    @Test func antiAffinityOfOneClassKeepsAnotherApartToo() throws {
        // "guard" pods repel "db" pods; the two db pods may share, so the clique is one db + guards.
        let db = PodTemplate(cpu: "100m").labels(["app": "db"])
        let guardPod = PodTemplate(cpu: "100m").labels(["app": "guard"])
            .podAntiAffinity(WellKnownLabel.hostname, to: ["app": "db"])
            .podAntiAffinity(WellKnownLabel.hostname, to: ["app": "guard"])
        let result = Scenario().pool("default").instanceTypes([small])
            .pods("db", count: 2, db).pods("guard", count: 3, guardPod).solve()
        #expect(result.plan.unschedulable.isEmpty)
        #expect(abs(result.plan.cost.lowerBound - 4 * 0.25) < 1e-9)
        #expect(result.plan.cost.after >= result.plan.cost.lowerBound - 1e-9)
    }

    @Test func clashingHostPortsNeedOneNodePerPod() {
        let result = Scenario().pool("default").instanceTypes([small])
            .pods("exporter", count: 3, PodTemplate(cpu: "100m").hostPort(9100)).solve()
        #expect(abs(result.plan.cost.lowerBound - 3 * 0.25) < 1e-9)
        #expect(abs(result.plan.cost.after - 3 * 0.25) < 1e-9)
    }

    @Test func selfSelectingHostnameSpreadNeedsOneNodePerPod() {
        let spread = PodTemplate(cpu: "100m").labels(["app": "edge"]).spread(WellKnownLabel.hostname)
        let result = Scenario().pool("default").instanceTypes([small]).pods("edge", count: 4, spread).solve()
        #expect(result.launches.count == 4)
        #expect(abs(result.plan.cost.lowerBound - 4 * 0.25) < 1e-9)
    }

    @Test func podsTooLargeToShareAnyNodeNeedOneNodeEach() {
        // Two 1.2-CPU pods never fit one 2-CPU node: four pods, four nodes, where volume proves 2.4.
        let result = Scenario().pool("default").instanceTypes([small])
            .pods("batch", count: 4, PodTemplate(cpu: "1200m", memory: "1Gi")).solve()
        #expect(result.launches.count == 4)
        #expect(abs(result.plan.cost.lowerBound - 4 * 0.25) < 1e-9)
    }

    @Test func podsWithDisjointZonesCannotShare() {
        let zonal = InstanceTypes.make("zonal", cpu: 4, memoryGiB: 16, price: 0.5, capacityTypes: [.onDemand])
        let result = Scenario().pool("default").instanceTypes([zonal])
            .pods("one", PodTemplate(cpu: "100m").nodeSelector([WellKnownLabel.zone: "test-zone-1"]))
            .pods("two", PodTemplate(cpu: "100m").nodeSelector([WellKnownLabel.zone: "test-zone-2"]))
            .pods("three", PodTemplate(cpu: "100m").nodeSelector([WellKnownLabel.zone: "test-zone-3"]))
            .solve()
        #expect(abs(result.plan.cost.lowerBound - 1.5) < 1e-9)
        #expect(abs(result.plan.cost.after - 1.5) < 1e-9)
    }

    @Test func distinctNodesAndVolumeCombineBeyondEither() throws {
        // Two anti-affine pods need two nodes; the cheap small ones (1 CPU at 1.0) barely hold
        // anything else, the big one (4 CPU at 3.0) is cheaper per CPU. The optimum is three small
        // nodes (3.0); nodes alone prove 2.0, volume alone about 2.2, both together more.
        let small = InstanceTypes.make("small", cpu: 1, memoryGiB: 8, price: 1.0, zones: ["test-zone-1"],
                                       capacityTypes: [.onDemand])
        let big = InstanceTypes.make("big", cpu: 4, memoryGiB: 32, price: 3.0, zones: ["test-zone-1"],
                                     capacityTypes: [.onDemand])
        let result = Scenario().pool("default").instanceTypes([small, big])
            .pods("apart", count: 2, PodTemplate(cpu: "100m", memory: "64Mi").labels(["app": "apart"])
                .podAntiAffinity(WellKnownLabel.hostname, to: ["app": "apart"]))
            .pods("worker", count: 3, PodTemplate(cpu: "900m", memory: "64Mi"))
            .solve()
        let bound = try Provisioner().newNodeCostLowerBound(snapshot: result.snapshot,
                                                           pods: result.launches.flatMap(\.pods))
        #expect(abs(bound.distinctNodes - 2.0) < 1e-9)
        #expect(bound.combined > max(bound.volume, bound.distinctNodes) + 0.01)
        #expect(bound.value <= 3.0 + 1e-9)
        #expect(result.plan.cost.after >= 3.0 - 1e-9)
    }
}
