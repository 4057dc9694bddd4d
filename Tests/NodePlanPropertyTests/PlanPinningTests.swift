import Testing
import NodePlanCatalog
import NodePlanModel
import NodePlanSolver
import NodePlanSynthetic

/// Pins the Karpenter strategy's plans on seeded snapshots to digests, so work on the solver's
/// speed cannot change a plan unnoticed. A deliberate change of semantics or tie-breaking updates
/// the digests (in its own commit, saying why).
@Suite struct PlanPinningTests {
    static func karpenter(_ snapshot: Snapshot) -> Provisioner {
        var options = snapshot.options
        options.strategy = .karpenter
        return Provisioner(options: options)
    }

    @Test func benchmarkPlanIsUnchanged() throws {
        let snapshot = SchedulingBenchmark.snapshot(pods: 2000, seed: 42)
        let plan = try Self.karpenter(snapshot).solve(snapshot: snapshot)
        #expect(PlanDigest(plan).value == 14474435524120459717)
    }

    @Test func featureMixPlansAreUnchanged() throws {
        var digest = PlanDigest()
        for seed in UInt64(1)...40 {
            let snapshot = FeatureMix.snapshot(pods: 20 + Int(seed % 40), seed: seed)
            digest.add(try Self.karpenter(snapshot).solve(snapshot: snapshot))
        }
        #expect(digest.value == 788198491155598058)
    }

    @Test func azurePlanIsUnchanged() throws {
        let snapshot = AzureMix.snapshot(pods: 2000, seed: 7, region: "eastus")
        let instanceTypes = try InstanceTypeResolver.builtIn().instanceTypes(for: snapshot)
        let plan = try Self.karpenter(snapshot).solve(snapshot: snapshot, instanceTypes: instanceTypes)
        #expect(PlanDigest(plan).value == 13749770993074344745)
    }
}
