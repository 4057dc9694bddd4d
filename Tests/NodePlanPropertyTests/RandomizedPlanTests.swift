import Testing
import NodePlanModel
import NodePlanSolver
import NodePlanSynthetic
import NodePlanValidator

/// The solver's plans on thousands of random feature mixes, re-checked by the independent validator:
/// Karpenter's strategy on every seed, the optimizing strategy on every tenth, which must also place
/// at least as many pods for no more money; every plan's lower bound must stay at or below its cost.
@Suite struct RandomizedPlanTests {
    static let seeds: [UInt64] = Array(1...3000)

    static func solve(_ snapshot: Snapshot, _ strategy: SolverStrategy) throws -> Plan {
        var options = snapshot.options
        options.strategy = strategy
        return try Provisioner(options: options).solve(snapshot: snapshot)
    }

    static func placed(_ plan: Plan) -> Int {
        plan.launches.reduce(0) { $0 + $1.pods.count } + plan.assignments.reduce(0) { $0 + $1.pods.count }
    }

    @Test func validatorFindsNoViolationInRandomPlans() throws {
        var failures: [String] = []
        for seed in Self.seeds {
            let snapshot = FeatureMix.snapshot(pods: 1 + Int(seed % 60), seed: seed)
            let karpenter = try Self.solve(snapshot, .karpenter)
            var plans = [karpenter]
            if seed % 10 == 0 {
                let optimized = try Self.solve(snapshot, .optimize)
                plans.append(optimized)
                if Self.placed(optimized) < Self.placed(karpenter) {
                    failures.append("seed \(seed): optimize placed \(Self.placed(optimized)), karpenter \(Self.placed(karpenter))")
                }
                if optimized.cost.after > karpenter.cost.after + 1e-9 {
                    failures.append("seed \(seed): optimize costs \(optimized.cost.after), karpenter \(karpenter.cost.after)")
                }
            }
            for plan in plans {
                if plan.cost.lowerBound > plan.cost.after {
                    failures.append("seed \(seed) \(plan.strategy): bound \(plan.cost.lowerBound) above cost \(plan.cost.after)")
                }
                let violations = PlanValidator.validate(snapshot: snapshot, plan: plan)
                if !violations.isEmpty {
                    failures.append("seed \(seed) \(plan.strategy): "
                        + violations.prefix(3).map(\.description).joined(separator: " | "))
                }
            }
        }
        let summary = "\(failures.count) problems in \(Self.seeds.count) seeds:\n" + failures.prefix(20).joined(separator: "\n")
        #expect(failures.isEmpty, Comment(rawValue: summary))
    }
}
