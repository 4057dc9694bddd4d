import NodePlanModel
import NodePlanSolver
import NodePlanTesting
import Testing

@Suite struct ProvisionerTests {
    let small = InstanceTypes.make("small", cpu: 2, memoryGiB: 4, price: 0.10)
    let large = InstanceTypes.make("large", cpu: 8, memoryGiB: 32, price: 0.40)

    @Test func packsPendingPodsOntoTheCheapestFittingInstanceType() {
        let result = Scenario().pool("default").instanceTypes([small, large])
            .pods("web", count: 3, PodTemplate(cpu: "500m", memory: "512Mi"))
            .solve()
        #expect(result.launches.count == 1)
        #expect(result.launches.first?.choice.instanceType == "small")
        #expect(result.launches.first?.choice.capacityType == .spot)
        #expect(result.launches.first?.pods.count == 3)
        #expect(result.plan.unschedulable.isEmpty)
    }

    @Test func sameInputGivesTheIdenticalPlan() {
        let scenario = Scenario().pool("default").instanceTypes(InstanceTypes.benchmark(count: 40))
            .pods("generic", count: 30, PodTemplate(cpu: "700m", memory: "1Gi"))
            .pods("zonal", count: 12, PodTemplate(cpu: "250m").labels(["app": "z"]).spread(WellKnownLabel.zone))
            .pods("anti", count: 5, PodTemplate(cpu: "100m").labels(["app": "a"])
                .podAntiAffinity(WellKnownLabel.hostname, to: ["app": "a"]))
        let first = scenario.solve().plan
        let second = scenario.solve().plan
        #expect(first == second)
        #expect(first.unschedulable.isEmpty)
    }

    @Test func costAddsLaunchesToExistingNodes() {
        let result = Scenario().pool("default").instanceTypes([small])
            .node("existing", like: small, pool: "default")
            .running("busy", on: "existing", PodTemplate(cpu: "1900m"))
            .pods("web", PodTemplate(cpu: "1"))
            .solve()
        #expect(result.plan.cost.before == 0.10)
        #expect(abs(result.plan.cost.after - (0.10 + 0.07)) < 1e-9)
    }
}

@Suite struct ProvisioningInputTests {
    @Test func inconsistentSnapshotsAreRejectedNamingTheField() {
        var snapshot = Snapshot(nodePools: [NodePool(name: "default")])
        snapshot.pods = [Pod(name: "orphan", spec: 3)]
        #expect(throws: ProvisioningInputError(field: "pods[0].spec", reason: "index 3 is outside podSpecs (0 entries)")) {
            try Provisioner().solve(snapshot: snapshot)
        }
        snapshot.pods = []
        snapshot.nodes = [Node(name: "a"), Node(name: "a")]
        #expect(throws: ProvisioningInputError(field: "nodes[1].name", reason: "duplicate node name \"a\"")) {
            try Provisioner().solve(snapshot: snapshot)
        }
    }
}
