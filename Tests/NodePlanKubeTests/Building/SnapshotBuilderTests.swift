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
        #expect(snapshot.pods.map(\.name) == [
            "web-7d4b9c8f6d-x2x9k", "analytics-0", "node-exporter-4kq8z", "web-pending-0", "web-pending-1", "db-0", "db-1",
            "etl-pending-0", "etl-pending-1", "etl-pending-2", "api-pending-0", "api-pending-1",
        ])
        #expect(snapshot.podSpecs.count == 7)  // web (running and new pods share one), analytics, exporter, db-0, db-1, etl, api
    }
}
