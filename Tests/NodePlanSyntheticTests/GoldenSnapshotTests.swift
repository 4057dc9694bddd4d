import NodePlanModel
import NodePlanSynthetic
import Testing

/// Generators must give the same snapshots on every platform, toolchain and run (Swift's hashing
/// is seeded per process, so any dependence on dictionary order would show here). A deliberate
/// change to a generator updates its expected fingerprint, and so does a new model field (the
/// fingerprint hashes the snapshot's JSON, options included).
@Suite struct GoldenSnapshotTests {
    @Test func benchmark() throws {
        #expect(try fingerprint(SchedulingBenchmark.snapshot(pods: 100)) == 5_879_653_521_621_783_202)
        #expect(try fingerprint(SchedulingBenchmark.preferenceSnapshot(pods: 50)) == 10_158_361_263_658_729_914)
    }

    @Test func featureMix() throws {
        #expect(try fingerprint(FeatureMix.snapshot(pods: 40, seed: 7)) == 5_816_825_093_325_474_177)
    }

    @Test func azureMix() throws {
        #expect(try fingerprint(AzureMix.snapshot(pods: 3000, seed: 7)) == 6_588_939_367_679_160_623)
    }
}
