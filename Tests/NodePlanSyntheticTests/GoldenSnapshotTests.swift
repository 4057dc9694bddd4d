import NodePlanModel
import NodePlanSynthetic
import Testing

/// Generators must give the same snapshots on every platform, toolchain and run (Swift's hashing
/// is seeded per process, so any dependence on dictionary order would show here). A deliberate
/// change to a generator updates its expected fingerprint.
@Suite struct GoldenSnapshotTests {
    @Test func benchmark() throws {
        #expect(try fingerprint(SchedulingBenchmark.snapshot(pods: 100)) == 15_995_947_400_479_918_572)
        #expect(try fingerprint(SchedulingBenchmark.preferenceSnapshot(pods: 50)) == 9_555_933_516_116_711_310)
    }

    @Test func featureMix() throws {
        #expect(try fingerprint(FeatureMix.snapshot(pods: 40, seed: 7)) == 6_541_749_803_628_927_245)
    }

    @Test func azureMix() throws {
        #expect(try fingerprint(AzureMix.snapshot(pods: 3000, seed: 7)) == 14_004_560_748_663_275_279)
    }
}
