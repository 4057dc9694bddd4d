// Provisioning solve time on Karpenter's scheduling benchmark mix (400 synthetic instance types,
// five pod groups with zonal and hostname spread, self-affinity and hostname anti-affinity) and on
// the Azure mix with the built-in catalog of one region. Snapshot generation and instance-type
// resolution are outside the timed region.
// Run: swift run -c release scheduling-benchmark [runs] [benchmark:PODS | azure:PODS | curve ...]
// (the default rows are benchmark:100 … benchmark:20000, azure:10000 and azure:100000, then the
// scaling curve; `curve` alone prints just the curve: the benchmark mix at 100, 1,000, 10,000 and
// 100,000 pods with microseconds per pod, which stay flat when solving scales linearly).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NodePlanCatalog
import NodePlanModel
import NodePlanSolver
import NodePlanSynthetic

let runs = CommandLine.arguments.count > 1 ? max(1, Int(CommandLine.arguments[1]) ?? 5) : 5
let clock = ContinuousClock()

/// Peak resident set size of this process so far, in MiB (ru_maxrss is KiB on Linux, bytes on macOS).
func peakRSSMebibytes() -> Double {
    var usage = rusage()
    #if canImport(Darwin)
    getrusage(RUSAGE_SELF, &usage)
    return Double(usage.ru_maxrss) / 1_048_576
    #else
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
    #endif
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func column(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
}

func format(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    guard decimals > 0 else { return String(scaled) }
    let whole = scaled / Int(scale)
    let fraction = String(scaled % Int(scale))
    return "\(whole).\(String(repeating: "0", count: decimals - fraction.count))\(fraction)"
}

/// Solves `snapshot` `runs` times (fewer for solves over ten seconds) and prints one table row;
/// returns the median in milliseconds.
@discardableResult
func benchmark(_ label: String, _ snapshot: Snapshot, instanceTypes: [String: [InstanceType]]? = nil) throws -> Double {
    let provisioner = Provisioner(options: snapshot.options)
    var samples: [Double] = []
    var plan = Plan()
    while samples.count < runs {
        let started = clock.now
        plan = try provisioner.solve(snapshot: snapshot, instanceTypes: instanceTypes)
        samples.append(milliseconds(clock.now - started))
        if samples.reduce(0, +) > 10_000 { break }
    }
    samples.sort()
    let median = samples[samples.count / 2]
    let placed = plan.launches.reduce(0) { $0 + $1.pods.count } + plan.assignments.reduce(0) { $0 + $1.pods.count }
    print([
        label.padding(toLength: 22, withPad: " ", startingAt: 0),
        column(String(snapshot.pods.count), 8),
        column(format(median, decimals: 1), 11),
        column(format(samples[0], decimals: 1), 9),
        column(String(Int((Double(snapshot.pods.count) / (median / 1000)).rounded())), 10),
        column(String(plan.launches.count), 7),
        column(String(placed), 8),
        column(String(samples.count), 5),
        column(format(peakRSSMebibytes(), decimals: 0), 9),
    ].joined(separator: " "))
    return median
}

/// The benchmark mix from 100 to 100,000 pods: median solve time, time per pod, and time per pod
/// relative to the smallest row (1.0 everywhere is linear scaling).
func scalingCurve() throws {
    print("scaling curve, benchmark mix (\(runs) runs per row, median)")
    print([column("pods", 8), column("median ms", 11), column("µs/pod", 8), column("vs 100", 7)].joined(separator: " "))
    var base: Double?
    for pods in [100, 1000, 10_000, 100_000] {
        let median = try benchmark("benchmark mix", SchedulingBenchmark.snapshot(pods: pods, seed: 42))
        let perPod = median * 1000 / Double(pods)
        if base == nil { base = perPod }
        print([column(String(pods), 8), column(format(median, decimals: 1), 11), column(format(perPod, decimals: 1), 8),
               column(format(perPod / base!, decimals: 2), 7)].joined(separator: " "))
    }
}

print("runs per row: \(runs) (median reported; fewer runs once a row has taken 10 s)")
print([
    "workload".padding(toLength: 22, withPad: " ", startingAt: 0), column("pods", 8), column("median ms", 11),
    column("min ms", 9), column("pods/s", 10), column("nodes", 7), column("placed", 8), column("runs", 5),
    column("peak MiB", 9),
].joined(separator: " "))
let requested = CommandLine.arguments.dropFirst(2)
let rows = requested.isEmpty
    ? ["benchmark:100", "benchmark:1000", "benchmark:5000", "benchmark:10000", "benchmark:20000", "azure:10000",
       "azure:100000", "curve"]
    : Array(requested)
let resolver = try InstanceTypeResolver.builtIn()
for row in rows {
    if row == "curve" {
        try scalingCurve()
        continue
    }
    let parts = row.split(separator: ":")
    guard parts.count == 2, let pods = Int(parts[1]), pods > 0 else { fatalError("row '\(row)': expected benchmark:PODS or azure:PODS") }
    switch parts[0] {
    case "benchmark": try benchmark("benchmark mix", SchedulingBenchmark.snapshot(pods: pods, seed: 42))
    case "azure":
        let snapshot = AzureMix.snapshot(pods: pods, seed: 42)
        try benchmark("azure mix (eastus)", snapshot, instanceTypes: try resolver.instanceTypes(for: snapshot))
    default: fatalError("row '\(row)': unknown workload '\(parts[0])' (benchmark or azure)")
    }
}
