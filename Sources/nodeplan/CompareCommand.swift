import ArgumentParser
import Foundation
import NodePlanBenchmarking
import NodePlanModel
import NodePlanReport
import NodePlanSolver
import NodePlanValidator

/// `nodeplan compare`: Karpenter's greedy and nodeplan's optimizing strategy on the same snapshot.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Solve one snapshot with --strategy karpenter (baseline) and optimize, and show both side by side.",
        discussion: """
        Columns: new nodes, nodes after, pods placed, unschedulable pods, cost per hour and per month, new-node \
        utilization per resource (requests over allocatable), solve time, the proven cost lower bound and the gap \
        to it; then what the optimizing strategy saves. Both plans are re-checked by the independent validator. \
        Each column's figures are those `nodeplan solve --strategy S` gives for the same input. \
        Example: nodeplan compare --snapshot azure-10k.pb.zst
        Exit codes: 0 both plans place every pending pod; 1 either leaves pods unschedulable; 2 bad input; \
        3 the validator rejected either plan.
        """
    )

    @OptionGroup var input: InputOptions

    @Flag(name: .long, help: "Also plan consolidation (empty, drifted and underutilized nodes) in both plans.")
    var consolidate = false

    /// How the comparison is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table
        case json
    }

    @Option(name: [.short, .long], help: "Output format: table or json.")
    var output: Format = .table

    func run() throws {
        do {
            let (snapshot, instanceTypes) = try input.load()
            let baseline = try solve(snapshot, strategy: .karpenter, instanceTypes: instanceTypes)
            let optimized = try solve(snapshot, strategy: .optimize, instanceTypes: instanceTypes)
            let comparison = PlanComparison(baseline: baseline.column, optimized: optimized.column)
            switch output {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(comparison), as: UTF8.self))
            case .table:
                print(comparison.table(), terminator: "")
            }
            let violations = baseline.violations.map { "karpenter: \($0)" } + optimized.violations.map { "optimize: \($0)" }
            guard violations.isEmpty else {
                throw CommandFailure(status: ExitStatus.validationFailed, message: "the validator rejected a plan:\n"
                                     + violations.map { "  \($0)" }.joined(separator: "\n"))
            }
            if baseline.plan.unschedulable.count + optimized.plan.unschedulable.count > 0 {
                throw ExitStatus.unschedulablePods
            }
        } catch let failure as CommandFailure {
            throw failure.report()
        }
    }

    /// One strategy's plan, its comparison column (with the measured solve time) and validator findings.
    private func solve(_ snapshot: Snapshot, strategy: SolverStrategy, instanceTypes: [String: [InstanceType]])
        throws -> (plan: Plan, column: PlanComparison.Column, violations: [PlanViolation]) {
        var options = snapshot.options
        options.strategy = strategy
        if consolidate { options.consolidate = true }
        let clock = ContinuousClock()
        let started = clock.now
        let plan: Plan
        do {
            plan = try Planner(options: options).plan(snapshot: snapshot, instanceTypes: instanceTypes,
                                                     control: .continuous())
        } catch {
            throw CommandFailure(status: ExitStatus.badInput, message: error.description)
        }
        let milliseconds = (clock.now - started).milliseconds
        return (plan, PlanComparison.Column(strategy: strategy, snapshot: snapshot, plan: plan, instanceTypes: instanceTypes,
                                            solveMilliseconds: milliseconds),
                PlanValidator.validate(snapshot: snapshot, instanceTypes: instanceTypes, plan: plan))
    }
}
