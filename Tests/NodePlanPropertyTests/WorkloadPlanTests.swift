import Testing
import NodePlanCatalog
import NodePlanModel
import NodePlanSolver
import NodePlanSynthetic
import NodePlanValidator

/// The solver's plans on realistic workloads, re-checked by the independent validator: Karpenter's
/// scheduling benchmark (zonal and hostname spread, self-affinity, anti-affinity over 400 types)
/// and Azure mixes on the built-in catalog, with the snapshot's (optimizing) strategy; the plan
/// must cost no more than Karpenter's and stay at or above its lower bound. The search gets a
/// short budget on the real clock: these invariants hold whatever it had time for.
@Suite struct WorkloadPlanTests {
    @Test(arguments: [(500, 1), (750, 2), (1000, 3), (1000, 42)] as [(Int, UInt64)])
    func validatorFindsNoViolationInBenchmarkPlans(pods: Int, seed: UInt64) throws {
        let snapshot = SchedulingBenchmark.snapshot(pods: pods, seed: seed)
        let plan = try Provisioner(options: Self.budgeted(snapshot)).solve(snapshot: snapshot, control: .continuous())
        #expect(plan.strategy == .optimize)
        #expect(plan.launches.reduce(0) { $0 + $1.pods.count } + plan.unschedulable.count == pods)
        #expect(plan.cost.lowerBound <= plan.cost.after)
        #expect(plan.cost.after <= (try Self.karpenterCost(snapshot, nil)) + 1e-9)
        let violations = PlanValidator.validate(snapshot: snapshot, plan: plan)
        #expect(violations.isEmpty, Comment(rawValue: violations.prefix(10).map(\.description).joined(separator: "\n")))
    }

    @Test(arguments: [(500, 1, "eastus"), (1000, 2, "westus2"), (1000, 3, "eastus")] as [(Int, UInt64, String)])
    func validatorFindsNoViolationInAzurePlans(pods: Int, seed: UInt64, region: String) throws {
        let snapshot = AzureMix.snapshot(pods: pods, seed: seed, region: region)
        let instanceTypes = try InstanceTypeResolver.builtIn().instanceTypes(for: snapshot)
        let plan = try Provisioner(options: Self.budgeted(snapshot)).solve(snapshot: snapshot, instanceTypes: instanceTypes,
                                                                          control: .continuous())
        #expect(!plan.launches.isEmpty)
        #expect(plan.cost.lowerBound <= plan.cost.after)
        #expect(plan.cost.after <= (try Self.karpenterCost(snapshot, instanceTypes)) + 1e-9)
        let violations = PlanValidator.validate(snapshot: snapshot, instanceTypes: instanceTypes, plan: plan)
        #expect(violations.isEmpty, Comment(rawValue: violations.prefix(10).map(\.description).joined(separator: "\n")))
    }

    static func budgeted(_ snapshot: Snapshot) -> SolverOptions {
        var options = snapshot.options
        options.timeBudgetMilliseconds = 2000
        return options
    }

    static func karpenterCost(_ snapshot: Snapshot, _ instanceTypes: [String: [InstanceType]]?) throws -> Double {
        var options = snapshot.options
        options.strategy = .karpenter
        return try Provisioner(options: options).solve(snapshot: snapshot, instanceTypes: instanceTypes).cost.after
    }
}
