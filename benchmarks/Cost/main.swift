// Cost of Karpenter's greedy (baseline) against nodeplan's optimizing strategy and the proven lower
// bound, on Karpenter's scheduling-benchmark mix, random heterogeneous feature mixes and realistic
// Azure mixes. Every plan is re-checked by the independent validator.
// Run: swift run -c release cost-benchmark [budget-ms] [KIND:PODS ...], KIND one of benchmark, feature,
// hetero, azure, azure-ignore
// (default budget 1000 ms; default rows below). Costs are USD/hour of the new nodes only.
import NodePlanCatalog
import NodePlanModel
import NodePlanSolver
import NodePlanSynthetic
import NodePlanValidator

let budget = CommandLine.arguments.count > 1 ? Int64(CommandLine.arguments[1]) ?? 1000 : 1000
let clock = ContinuousClock()

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func fixed(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int((abs(value) * scale).rounded())
    let sign = value < 0 && scaled > 0 ? "-" : ""
    guard decimals > 0 else { return sign + String(scaled) }
    let fraction = String(scaled % Int(scale))
    return "\(sign)\(scaled / Int(scale)).\(String(repeating: "0", count: decimals - fraction.count))\(fraction)"
}

func column(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
}

/// One strategy's plan on one snapshot, summed.
struct Outcome {
    var cost = 0.0
    var lowerBound = 0.0
    var nodes = 0
    var placed = 0
    var requested = (cpu: 0.0, memory: 0.0)
    var allocatable = (cpu: 0.0, memory: 0.0)
    var milliseconds = 0.0
    var violations = 0

    mutating func add(_ plan: Plan, snapshot: Snapshot, instanceTypes: [String: [InstanceType]]?, time: Double) {
        cost += plan.launches.reduce(0) { $0 + $1.choice.price }
        lowerBound += plan.cost.lowerBound - plan.cost.before
        nodes += plan.launches.count
        placed += plan.launches.reduce(0) { $0 + $1.pods.count } + plan.assignments.reduce(0) { $0 + $1.pods.count }
        for launch in plan.launches {
            let types = instanceTypes?[launch.nodePool] ?? snapshot.instanceTypes
            guard let type = types.first(where: { $0.name == launch.choice.instanceType }) else { continue }
            requested.cpu += launch.requests[ResourceName.cpu].doubleValue
            requested.memory += launch.requests[ResourceName.memory].doubleValue
            allocatable.cpu += type.allocatable[ResourceName.cpu].doubleValue
            allocatable.memory += type.allocatable[ResourceName.memory].doubleValue
        }
        milliseconds += time
        violations += PlanValidator.validate(snapshot: snapshot, instanceTypes: instanceTypes ?? [:], plan: plan).count
    }

    var utilization: String {
        "\(fixed(100 * requested.cpu / max(allocatable.cpu, 1e-9), 0))/\(fixed(100 * requested.memory / max(allocatable.memory, 1e-9), 0))%"
    }
}

func solve(_ snapshot: Snapshot, _ instanceTypes: [String: [InstanceType]]?, strategy: SolverStrategy,
           into outcome: inout Outcome) throws {
    var options = snapshot.options
    options.strategy = strategy
    options.timeBudgetMilliseconds = budget
    let started = clock.now
    let plan = try Provisioner(options: options).solve(snapshot: snapshot, instanceTypes: instanceTypes,
                                                       control: .continuous())
    outcome.add(plan, snapshot: snapshot, instanceTypes: instanceTypes, time: milliseconds(clock.now - started))
}

print("optimize budget \(budget) ms; costs in USD/h for new nodes; utilization = requested/allocatable CPU/memory")
print([
    "workload".padding(toLength: 26, withPad: " ", startingAt: 0), column("pods", 6),
    column("base $/h", 9), column("opt $/h", 9), column("opt/base", 8), column("bound", 9), column("opt/bnd", 8),
    column("base n", 7), column("opt n", 6), column("base util", 10), column("opt util", 10),
    column("base ms", 8), column("opt ms", 8), column("viol", 5),
].joined(separator: " "))

let requested = CommandLine.arguments.dropFirst(2)
let rows = requested.isEmpty
    ? ["benchmark:100", "benchmark:1000", "benchmark:5000", "feature:50", "hetero:500", "hetero:5000",
       "azure:1000", "azure:5000", "azure-ignore:1000"]
    : Array(requested)
let resolver = try InstanceTypeResolver.builtIn()
for row in rows {
    let parts = row.split(separator: ":")
    guard parts.count == 2, let pods = Int(parts[1]), pods > 0 else {
        fatalError("row '\(row)': expected KIND:PODS (benchmark, feature, hetero, azure or azure-ignore)")
    }
    var snapshots: [(Snapshot, [String: [InstanceType]]?)] = []
    let label: String
    switch parts[0] {
    case "benchmark":
        label = "benchmark mix"
        snapshots = [(SchedulingBenchmark.snapshot(pods: pods, seed: 42), nil)]
    case "feature":
        label = "feature mix (40 seeds)"
        snapshots = (UInt64(1)...40).map { (FeatureMix.snapshot(pods: pods, seed: $0), nil) }
    case "hetero":
        label = "heterogeneous (eastus)"
        let snapshot = HeterogeneousMix.snapshot(pods: pods, seed: 42)
        snapshots = [(snapshot, try resolver.instanceTypes(for: snapshot))]
    case "azure":
        label = "azure mix (eastus)"
        let snapshot = AzureMix.snapshot(pods: pods, seed: 42)
        snapshots = [(snapshot, try resolver.instanceTypes(for: snapshot))]
    case "azure-ignore":
        // The same cluster with preferences dropped (PreferencePolicy Ignore): web pods no longer
        // keep a node each, which the lower bound never assumes.
        label = "azure mix, prefs ignored"
        var snapshot = AzureMix.snapshot(pods: pods, seed: 42)
        snapshot.options.preferencePolicy = .ignore
        snapshots = [(snapshot, try resolver.instanceTypes(for: snapshot))]
    default: fatalError("row '\(row)': unknown workload '\(parts[0])'")
    }
    var baseline = Outcome()
    var optimized = Outcome()
    for (snapshot, instanceTypes) in snapshots {
        try solve(snapshot, instanceTypes, strategy: .karpenter, into: &baseline)
        try solve(snapshot, instanceTypes, strategy: .optimize, into: &optimized)
    }
    let podCount = snapshots.reduce(0) { $0 + $1.0.pods.count } / snapshots.count
    print([
        label.padding(toLength: 26, withPad: " ", startingAt: 0), column(String(podCount), 6),
        column(fixed(baseline.cost, 2), 9), column(fixed(optimized.cost, 2), 9),
        column(fixed(optimized.cost / max(baseline.cost, 1e-9), 3), 8), column(fixed(optimized.lowerBound, 2), 9),
        column(fixed(optimized.cost / max(optimized.lowerBound, 1e-9), 3), 8),
        column(String(baseline.nodes), 7), column(String(optimized.nodes), 6),
        column(baseline.utilization, 10), column(optimized.utilization, 10),
        column(fixed(baseline.milliseconds / Double(snapshots.count), 1), 8),
        column(fixed(optimized.milliseconds / Double(snapshots.count), 1), 8),
        column(String(baseline.violations + optimized.violations), 5),
    ].joined(separator: " "))
    if optimized.placed < baseline.placed { print("  ! optimize placed \(optimized.placed) pods, baseline \(baseline.placed)") }
}
