import Testing
import NodePlanModel
@testable import NodePlanKube

@Suite struct SnapshotBuilderTests {
    @Test func buildsFromEveryFixture() throws {
        let snapshot = try Fixtures.snapshot()
        #expect(snapshot.cluster.region == "westeurope")
        #expect(snapshot.cluster.kubernetesVersion == "1.32")
        #expect(snapshot.nodePools.map(\.name) == ["general", "static-gpu"])
        #expect(snapshot.nodeClasses.map(\.name) == ["default", "gpu"])
        #expect(snapshot.daemonSets.map(\.name) == ["node-exporter"])
        #expect(snapshot.namespaces.map(\.name) == ["shop"])
        #expect(snapshot.podDisruptionBudgets.map(\.name) == ["web"])
        #expect(snapshot.instanceTypes.map(\.name) == ["fake-it-4", "fake-it-8"])
        #expect(snapshot.catalog?.region == "westus2")
        print(snapshot.pods.map(\.name))
    }
}
