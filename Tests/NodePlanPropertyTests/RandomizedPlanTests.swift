import Testing
import NodePlanModel
import NodePlanSolver
import NodePlanSynthetic
import NodePlanValidator

/// The solver's plans on thousands of random feature mixes, re-checked by the independent validator.
@Suite struct RandomizedPlanTests {
    static let seeds: [UInt64] = Array(1...3000)

    @Test func validatorFindsNoViolationInRandomPlans() throws {
        var failures: [String] = []
        for seed in Self.seeds {
            let snapshot = FeatureMix.snapshot(pods: 1 + Int(seed % 60), seed: seed)
            let plan = try Provisioner(options: snapshot.options).solve(snapshot: snapshot)
            let violations = PlanValidator.validate(snapshot: snapshot, plan: plan)
            if !violations.isEmpty {
                failures.append("seed \(seed): " + violations.prefix(3).map(\.description).joined(separator: " | "))
            }
        }
        let summary = "\(failures.count) of \(Self.seeds.count) plans violate constraints:\n"
            + failures.prefix(20).joined(separator: "\n")
        #expect(failures.isEmpty, Comment(rawValue: summary))
    }
}
