// Full consolidation search on a shrunk cluster (ConsolidationMix: half-empty nodes of a general
// on-demand pool and a spot pool, DaemonSet pods, PodDisruptionBudgets, do-not-disrupt pods, no
// pending pods), with Karpenter's methods alone (`karpenter` strategy: emptiness, multi-node,
// single-node) and with nodeplan's default (`optimize`: the same, then N→M re-pack). One call plans
// up to 8 successive commands (batches). Snapshot generation, instance-type resolution and plan
// validation are outside the timed region. The solver is single-threaded: besides wall time, the
// process CPU time of the call is reported, which a loaded machine does not inflate.
// Run: swift run -c release consolidation-benchmark [runs] [NODES:PODS ...]   (default 2000:20000)
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NodePlanCatalog
import NodePlanModel
import NodePlanSolver
import NodePlanSynthetic
import NodePlanValidator

let runs = CommandLine.arguments.count > 1 ? max(1, Int(CommandLine.arguments[1]) ?? 3) : 3
let clock = ContinuousClock()

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

/// CPU time this process has used, in milliseconds.
func processCPUMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
}

func column(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
}

func format(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    guard decimals > 0 else { return String(scaled) }
    let sign = scaled < 0 ? "-" : ""
    let whole = abs(scaled) / Int(scale)
    let fraction = String(abs(scaled) % Int(scale))
    return "\(sign)\(whole).\(String(repeating: "0", count: decimals - fraction.count))\(fraction)"
}

/// Consolidates `snapshot` `runs` times with `strategy` and prints one table row.
func benchmark(_ snapshot: Snapshot, instanceTypes: [String: [InstanceType]], strategy: SolverStrategy) throws {
    var options = snapshot.options
    options.strategy = strategy
    let consolidator = Consolidator(options: options)
    var samples: [Double] = []
    var cpuSamples: [Double] = []
    var plan = Plan()
    for _ in 0..<runs {
        let started = clock.now
        let cpuStarted = processCPUMilliseconds()
        plan = try consolidator.consolidate(snapshot: snapshot, instanceTypes: instanceTypes)
        cpuSamples.append(processCPUMilliseconds() - cpuStarted)
        samples.append(milliseconds(clock.now - started))
    }
    samples.sort()
    cpuSamples.sort()
    let violations = PlanValidator.validate(snapshot: snapshot, instanceTypes: instanceTypes, plan: plan)
    let savings = plan.cost.before - plan.cost.after
    let moved = plan.terminations.reduce(0) { $0 + $1.evictedPods.count }
    let disruption = plan.terminations.reduce(0) { $0 + $1.disruptionCost }
    let batches = Set(plan.terminations.map(\.batch)).count
    print([
        "\(snapshot.nodes.count):\(snapshot.pods.count)".padding(toLength: 12, withPad: " ", startingAt: 0),
        strategy.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0),
        column(format(samples[samples.count / 2], decimals: 0), 10),
        column(format(samples[0], decimals: 0), 7),
        column(format(cpuSamples[cpuSamples.count / 2], decimals: 0), 11),
        column(format(cpuSamples[cpuSamples.count / 2] / Double(max(batches, 1)), decimals: 0), 14),
        column(String(batches), 8),
        column(String(plan.terminations.count), 11),
        column(String(plan.launches.count), 9),
        column(String(moved), 7),
        column(format(disruption, decimals: 0), 11),
        column(format(plan.cost.before, decimals: 2), 10),
        column(format(savings, decimals: 2), 10),
        column(format(plan.cost.before > 0 ? savings / plan.cost.before * 100 : 0, decimals: 1), 9),
        column(String(violations.count), 11),
    ].joined(separator: " "))
}

print("runs per row: \(runs) (median and min of the consolidate call)")
print([
    "cluster".padding(toLength: 12, withPad: " ", startingAt: 0), "strategy".padding(toLength: 10, withPad: " ", startingAt: 0),
    column("median ms", 10), column("min ms", 7), column("cpu ms", 11), column("cpu ms/batch", 14), column("batches", 8), column("terminated", 11), column("launched", 9),
    column("moved", 7), column("disruption", 11), column("$/h before", 10), column("saved $/h", 10), column("saved %", 9),
    column("violations", 11),
].joined(separator: " "))
let requested = CommandLine.arguments.dropFirst(2)
let rows = requested.isEmpty ? ["2000:20000"] : Array(requested)
let resolver = try InstanceTypeResolver.builtIn()
for row in rows {
    let parts = row.split(separator: ":").compactMap { Int($0) }
    guard parts.count == 2, parts[0] > 0, parts[1] >= parts[0] else { fatalError("row '\(row)': expected NODES:PODS") }
    let snapshot = ConsolidationMix.snapshot(nodes: parts[0], pods: parts[1], seed: 42)
    let instanceTypes = try resolver.instanceTypes(for: snapshot)
    for strategy in [SolverStrategy.karpenter, .optimize] {
        try benchmark(snapshot, instanceTypes: instanceTypes, strategy: strategy)
    }
}
