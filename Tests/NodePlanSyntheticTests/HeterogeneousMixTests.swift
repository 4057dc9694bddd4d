import NodePlanModel
import NodePlanSynthetic
import Testing

@Suite struct HeterogeneousMixTests {
    @Test func sameSeedSameSnapshot() {
        #expect(HeterogeneousMix.snapshot(pods: 300, seed: 3) == HeterogeneousMix.snapshot(pods: 300, seed: 3))
        #expect(HeterogeneousMix.snapshot(pods: 300, seed: 3) != HeterogeneousMix.snapshot(pods: 300, seed: 4))
    }

    @Test(arguments: [0, 1, 25, 500, 5000])
    func pendingPodCountIsHonoured(pods: Int) {
        let snapshot = HeterogeneousMix.snapshot(pods: pods, seed: 1)
        #expect(snapshot.pods.count == pods)
        #expect(snapshot.pods.allSatisfy { !$0.isBound })
        #expect(snapshot.catalog?.region == "eastus")
    }

    @Test func shapesRangeFromCPUHeavyToMemoryHeavy() {
        let snapshot = HeterogeneousMix.snapshot(pods: 2000, seed: 42)
        let ratios = snapshot.podSpecs.filter { $0.owner?.kind == "ReplicaSet" }.map { spec -> Double in
            let requests = spec.effectiveRequests
            return requests[ResourceName.memory].doubleValue / 1_073_741_824 / requests[ResourceName.cpu].doubleValue
        }
        #expect(ratios.contains { $0 <= 1 })
        #expect(ratios.contains { $0 >= 16 })
    }
}
