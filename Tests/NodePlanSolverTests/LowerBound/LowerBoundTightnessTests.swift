import NodePlanModel
import NodePlanSolver
import NodePlanTesting
import Testing

@Suite struct LowerBoundTightnessTests {
    /// One zone, on-demand only, no overhead: a node's price is exactly what its pods pay.
    static func node(_ name: String, cpu: Int64, memoryGiB: Int64, pods: Int64 = 110, price: Double) -> InstanceType {
        InstanceTypes.make(name, cpu: cpu, memoryGiB: memoryGiB, pods: pods, price: price,
                           zones: ["test-zone-1"], capacityTypes: [.onDemand])
    }

    @Test func identicalPodsFillingIdenticalNodesMeetTheBound() {
        let result = Scenario().pool("default").instanceTypes([Self.node("box", cpu: 4, memoryGiB: 16, price: 1.0)])
            .pods("web", count: 12, PodTemplate(cpu: "1", memory: "4Gi"))
            .solve()
        #expect(result.launches.count == 3)
        #expect(abs(result.plan.cost.lowerBound - 3.0) < 1e-9)
        #expect(abs(result.plan.cost.gapPercent) < 1e-6)
    }

    @Test func theBindingResourceIsFoundWhenMemoryLimits() {
        // 8 pods of 0.5 CPU and 6 GiB: memory fills two 4-CPU/24-GiB nodes exactly, CPU only half.
        let result = Scenario().pool("default").instanceTypes([Self.node("memory", cpu: 4, memoryGiB: 24, price: 0.5)])
            .pods("cache", count: 8, PodTemplate(cpu: "500m", memory: "6Gi"))
            .solve()
        #expect(abs(result.plan.cost.after - 1.0) < 1e-9)
        #expect(abs(result.plan.cost.lowerBound - 1.0) < 1e-9)
    }

    @Test func mixedResourcesNeedBlendedWeights() {
        // CPU-heavy and memory-heavy pods pair up on a 2-CPU/8-GiB node: neither resource alone
        // proves more than half the cost, a blend of both proves all of it.
        let result = Scenario().pool("default").instanceTypes([Self.node("pair", cpu: 2, memoryGiB: 8, price: 0.2)])
            .pods("compute", count: 4, PodTemplate(cpu: "1500m", memory: "2Gi"))
            .pods("cache", count: 4, PodTemplate(cpu: "500m", memory: "6Gi"))
            .solve()
        #expect(abs(result.plan.cost.after - 0.8) < 1e-9)
        #expect(abs(result.plan.cost.lowerBound - 0.8) < 1e-6)
    }

    @Test func theCheapestPerUnitTypeSetsTheBound() {
        // The large type is cheaper per CPU; 16 one-CPU pods fill two of them exactly.
        let result = Scenario().pool("default")
            .instanceTypes([Self.node("small", cpu: 2, memoryGiB: 8, price: 0.3),
                            Self.node("large", cpu: 8, memoryGiB: 32, price: 1.0)])
            .pods("web", count: 16, PodTemplate(cpu: "1", memory: "1Gi"))
            .solve()
        #expect(abs(result.plan.cost.lowerBound - 2.0) < 1e-9)
        #expect(result.plan.cost.after >= result.plan.cost.lowerBound - 1e-9)
    }

    @Test func existingNodesThatStayAreAddedToTheBound() throws {
        let box = Self.node("box", cpu: 4, memoryGiB: 16, price: 1.0)
        let result = Scenario().pool("default").instanceTypes([box])
            .node("existing", like: box, pool: "default")
            .running("busy", on: "existing", PodTemplate(cpu: "3900m"))
            .pods("web", count: 8, PodTemplate(cpu: "1", memory: "4Gi"))
            .solve()
        #expect(result.plan.cost.before == 1.0)
        #expect(abs(result.plan.cost.after - 3.0) < 1e-9)
        let launched = result.launches.flatMap(\.pods)
        let newNodes = try Provisioner().newNodeCostLowerBound(snapshot: result.snapshot, pods: launched).value
        #expect(abs(newNodes - 2.0) < 1e-9)
        #expect(abs(result.plan.cost.lowerBound - 3.0) < 1e-9)
    }

    @Test func nodePoolLimitsRaiseTheBound() {
        // Six 1-CPU pods: three small nodes (0.75) without limits; with one node allowed they need
        // the big one (1.5). The multiplier on the node count proves 0.75 + 1/3.
        let types = [Self.node("small", cpu: 2, memoryGiB: 8, price: 0.25),
                     Self.node("big", cpu: 8, memoryGiB: 32, price: 1.5)]
        let pods = PodTemplate(cpu: "1", memory: "1Gi")
        let unlimited = Scenario().pool("default").instanceTypes(types).pods("web", count: 6, pods).solve()
        let limited = Scenario().pool("default", limits: [ResourceName.nodes: .units(1)]).instanceTypes(types)
            .pods("web", count: 6, pods).solve()
        #expect(abs(unlimited.plan.cost.lowerBound - 0.75) < 1e-6)
        #expect(limited.plan.unschedulable.isEmpty)
        #expect(abs(limited.plan.cost.after - 1.5) < 1e-9)
        #expect(abs(limited.plan.cost.lowerBound - (0.75 + 1.0 / 3)) < 1e-6)
    }
}
