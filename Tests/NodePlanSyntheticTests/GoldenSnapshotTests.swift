import NodePlanModel
import NodePlanSynthetic
import Testing

/// Generators must give the same snapshots on every platform, toolchain and run (Swift's hashing
/// is seeded per process, so any dependence on dictionary order would show here). A deliberate
/// change to a generator updates its expected fingerprint.
@Suite struct GoldenSnapshotTests {
    @Test func benchmark() throws {
        #expect(try fingerprint(SchedulingBenchmark.snapshot(pods: 100)) == 7_115_142_155_065_604_878)
        #expect(try fingerprint(SchedulingBenchmark.preferenceSnapshot(pods: 50)) == 921_061_231_548_355_114)
    }

    @Test func featureMix() throws {
        #expect(try fingerprint(FeatureMix.snapshot(pods: 40, seed: 7)) == 6_541_749_803_628_927_245)
    }

    @Test func azureMix() throws {
        #expect(try fingerprint(AzureMix.snapshot(pods: 3000, seed: 7)) == 14_004_560_748_663_275_279)
    }
}
