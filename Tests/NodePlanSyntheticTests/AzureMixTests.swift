import NodePlanModel
import NodePlanSynthetic
import Testing

@Suite struct AzureMixTests {
    @Test func sameSeedSameSnapshot() {
        #expect(AzureMix.snapshot(pods: 500, seed: 3) == AzureMix.snapshot(pods: 500, seed: 3))
        #expect(AzureMix.snapshot(pods: 500, seed: 3) != AzureMix.snapshot(pods: 500, seed: 4))
    }

    @Test(arguments: [1, 7, 100, 2500])
    func pendingPodCountIsHonoured(pods: Int) {
        let snapshot = AzureMix.snapshot(pods: pods, seed: 1)
        #expect(snapshot.pods.filter { !$0.isBound }.count == pods)
        #expect(snapshot.instanceTypes.isEmpty)
        #expect(snapshot.catalog?.region == "eastus")
    }

    @Test func hundredThousandPodsShareAFewHundredSpecs() {
        let snapshot = AzureMix.snapshot(pods: 100_000, seed: 11, region: "westus2")
        #expect(snapshot.pods.filter { !$0.isBound }.count == 100_000)
        #expect(snapshot.podSpecs.count <= AzureMix.maximumWorkloads + snapshot.daemonSets.count)
        #expect(snapshot.podSpecs.count >= 100)
        #expect(snapshot.nodes.count == 1250)
        #expect(snapshot.nodes.allSatisfy { $0.labels[WellKnownLabel.zone]?.hasPrefix("westus2-") == true })
    }

    @Test func clusterHasTheAdvertisedWorkloads() {
        let snapshot = AzureMix.snapshot(pods: 5000, seed: 5)
        let specs = snapshot.podSpecs
        #expect(specs.contains { $0.tolerations.contains { $0.key == AzureMix.spotTaint.key } })
        #expect(specs.contains { $0.effectiveRequests[ResourceName.nvidiaGPU] > .zero })
        #expect(specs.contains { $0.nodeSelector["team"] != nil })
        #expect(specs.contains { !$0.volumes.topologyAlternatives.isEmpty })
        #expect(specs.contains { $0.topologySpreadConstraints.first?.topologyKey == WellKnownLabel.zone })
        #expect(snapshot.daemonSets.count == 4)
        #expect(snapshot.nodePools.filter { !$0.taints.isEmpty }.count == 5)
        // Existing nodes run DaemonSet pods and some replicas but keep room.
        for node in snapshot.nodes {
            let used = snapshot.pods.filter { $0.nodeName == node.name }
                .reduce(ResourceList()) { $0 + snapshot.spec(of: $1).effectiveRequests }
            #expect(node.allocatable.fits(used))
            #expect(used[ResourceName.cpu].milli * 10 <= node.allocatable[ResourceName.cpu].milli * 7)
        }
    }
}
