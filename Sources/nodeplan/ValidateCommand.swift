import ArgumentParser
import Foundation
import NodePlanModel
import NodePlanReport
import NodePlanValidator

/// `nodeplan validate`: re-check a plan against its snapshot with the independent validator.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check every hard constraint of a plan (from `nodeplan solve -o json`) against its inputs.",
        discussion: "Example: nodeplan solve -o json cluster/*.yaml > plan.json && nodeplan validate --plan plan.json cluster/*.yaml"
    )

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "The plan, as written by `nodeplan solve -o json`.")
    var plan: String

    func run() throws {
        do {
            let (snapshot, instanceTypes) = try input.load()
            guard let data = FileManager.default.contents(atPath: plan) else {
                throw CommandFailure(status: ExitStatus.badInput, message: "\(plan): cannot read file")
            }
            let resolved: Plan
            do {
                resolved = try JSONDecoder().decode(PlanDocument.self, from: data).plan(for: snapshot)
            } catch {
                throw CommandFailure(status: ExitStatus.badInput, message: "\(plan): \(error)")
            }
            let violations = PlanValidator.validate(snapshot: snapshot, instanceTypes: instanceTypes, plan: resolved)
            guard violations.isEmpty else {
                for violation in violations { print(violation) }
                throw CommandFailure(status: ExitStatus.validationFailed,
                                     message: "\(violations.count) violation\(violations.count == 1 ? "" : "s")")
            }
            print("plan is valid: \(resolved.launches.count) launches, "
                  + "\(resolved.assignments.reduce(0) { $0 + $1.pods.count }) pods on existing nodes, "
                  + "\(resolved.unschedulable.count) unschedulable")
        } catch let failure as CommandFailure {
            throw failure.report()
        }
    }
}
