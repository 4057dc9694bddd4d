import NodePlanCatalog
import NodePlanModel
import NodePlanReport
import NodePlanSolver

/// Provisioning solve times of one workload: snapshot generation and instance-type resolution
/// happen before the timed region, each run solves the same snapshot from scratch.
public struct SchedulingMeasurement: Sendable, Hashable, Codable {
    public var workload: String
    public var label: String
    public var strategy: String
    /// Pods in the snapshot (the Azure mix adds already-running pods to the pending ones).
    public var pods: Int
    public var medianMilliseconds: Double
    public var minimumMilliseconds: Double
    public var runs: Int
    public var podsPerSecond: Double
    public var nodesLaunched: Int
    public var podsPlaced: Int
    public var costPerHour: Double
    /// Peak RSS of the whole process so far (cumulative over earlier rows).
    public var peakMebibytes: Double

    /// Solves `workload` up to `runs` times (fewer once the runs have taken `budgetMilliseconds`).
    public static func run(_ workload: SchedulingWorkload, runs: Int, budgetMilliseconds: Double = 10_000,
                           strategy: SolverStrategy? = nil, resolver: InstanceTypeResolver) throws -> SchedulingMeasurement {
        let (snapshot, instanceTypes) = try workload.input(resolver: resolver)
        var options = snapshot.options
        if let strategy { options.strategy = strategy }
        let provisioner = Provisioner(options: options)
        let (samples, plan) = try Samples.measure(runs: runs, budgetMilliseconds: budgetMilliseconds) {
            try provisioner.solve(snapshot: snapshot, instanceTypes: instanceTypes)
        }
        let median = samples.median
        return SchedulingMeasurement(
            workload: workload.description, label: workload.label, strategy: options.strategy.rawValue,
            pods: snapshot.pods.count, medianMilliseconds: median, minimumMilliseconds: samples.minimum, runs: samples.runs,
            podsPerSecond: median > 0 ? Double(snapshot.pods.count) / (median / 1000) : 0,
            nodesLaunched: plan.launches.count,
            podsPlaced: plan.launches.reduce(0) { $0 + $1.pods.count } + plan.assignments.reduce(0) { $0 + $1.pods.count },
            costPerHour: plan.cost.after, peakMebibytes: PeakMemory.mebibytes())
    }

    /// Column titles of `tableRow`, aligned with it.
    public static let tableHeader = BenchmarkFormat.row(
        ["workload", "pods", "median ms", "min ms", "pods/s", "nodes", "placed", "$/hour", "runs", "peak MiB"], widths: widths)

    /// One fixed-width line, so rows can be printed as they finish.
    public var tableRow: String {
        BenchmarkFormat.row([
            label, String(pods), PlanTextReport.fixed(medianMilliseconds, digits: 1),
            PlanTextReport.fixed(minimumMilliseconds, digits: 1), String(Int(podsPerSecond.rounded())),
            String(nodesLaunched), String(podsPlaced), PlanTextReport.fixed(costPerHour, digits: 2), String(runs),
            PlanTextReport.fixed(peakMebibytes, digits: 0),
        ], widths: Self.widths)
    }

    /// Column widths; the first column is left-aligned, the others right-aligned.
    static let widths = [22, 8, 11, 9, 10, 7, 8, 10, 5, 9]
}
