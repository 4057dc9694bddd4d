import NodePlanModel
import NodePlanSynthetic
import Testing

@Suite struct SchedulingBenchmarkTests {
    @Test func instanceTypesFollowTheFakeProvider() {
        let types = SchedulingBenchmark.instanceTypes()
        #expect(types.count == 400)
        let last = types[399]
        #expect(last.name == "fake-it-399")
        #expect(last.capacity == ResourceList(cpu: .units(400), memory: .gibibytes(800), pods: .units(4000)))
        #expect(last.allocatable[ResourceName.cpu] == .millis(399_900))
        #expect(last.offerings.filter { $0.capacityType == .spot }.map(\.zone) == ["test-zone-1", "test-zone-2"])
        #expect(last.offerings.filter { $0.capacityType == .onDemand }.count == 3)
        #expect(abs(types[0].offerings[0].price - 0.3) < 1e-9)
    }

    @Test(arguments: [1, 50, 103, 1000])
    func podMixHasFiveGroups(pods: Int) {
        let snapshot = SchedulingBenchmark.snapshot(pods: pods)
        #expect(snapshot.pods.count == pods)
        #expect(snapshot.pods.allSatisfy { !$0.isBound })
        let share = pods / 5
        func count(_ prefix: String) -> Int { snapshot.pods.filter { $0.name.hasPrefix(prefix + "-") }.count }
        #expect(count("generic") == pods - 4 * share)
        #expect(count("zonal-spread") == share)
        #expect(count("hostname-spread") == share)
        #expect(count("zonal-affinity") == share)
        #expect(count("hostname-anti-affinity") == share)
        let antiAffinity = snapshot.pods.filter { $0.name.hasPrefix("hostname-anti-affinity-") }.map { snapshot.spec(of: $0) }
        #expect(antiAffinity.allSatisfy { $0.affinity.podAntiAffinity?.required.first?.topologyKey == WellKnownLabel.hostname })
    }

    @Test func requestsComeFromTheBenchmarkMenus() {
        let snapshot = SchedulingBenchmark.snapshot(pods: 500)
        let cpus = Set(snapshot.podSpecs.map { $0.effectiveRequests[ResourceName.cpu] })
        let memories = Set(snapshot.podSpecs.map { $0.effectiveRequests[ResourceName.memory] })
        #expect(cpus == Set(SchedulingBenchmark.cpuChoices))
        #expect(memories == Set(SchedulingBenchmark.memoryChoices))
    }

    @Test func seedDecidesThePods() {
        #expect(SchedulingBenchmark.snapshot(pods: 200, seed: 42) == SchedulingBenchmark.snapshot(pods: 200, seed: 42))
        #expect(SchedulingBenchmark.snapshot(pods: 200, seed: 42) != SchedulingBenchmark.snapshot(pods: 200, seed: 43))
    }

    @Test func preferencePodsOnlyPrefer() {
        let snapshot = SchedulingBenchmark.preferenceSnapshot(pods: 300)
        #expect(snapshot.pods.count == 300)
        for spec in snapshot.podSpecs {
            #expect(spec.labels == ["app": "nginx"])
            #expect(spec.affinity.nodeAffinity?.required == nil)
            #expect(spec.affinity.nodeAffinity?.preferred.count == 1)
            #expect(spec.affinity.podAntiAffinity?.required.isEmpty == true)
            #expect(spec.affinity.podAntiAffinity?.preferred.map(\.weight) == [10, 1])
        }
    }
}
