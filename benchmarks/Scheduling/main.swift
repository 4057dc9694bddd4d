// Provisioning solve time on Karpenter's scheduling benchmark mix (400 synthetic instance types,
// five pod groups with zonal and hostname spread, self-affinity and hostname anti-affinity) and on
// the Azure mix with the built-in catalog of one region. Snapshot generation and instance-type
// resolution are outside the timed region (NodePlanBenchmarking.SchedulingMeasurement, which
// `nodeplan bench` runs too).
// Run: swift run -c release scheduling-benchmark [runs] [benchmark:PODS | azure:PODS | curve ...]
// (the default rows are benchmark:100 … benchmark:20000, azure:10000 and azure:100000, then the
// scaling curve; `curve` alone prints just the curve: the benchmark mix at 100, 1,000, 10,000 and
// 100,000 pods with microseconds per pod, which stay flat when solving scales linearly).
import NodePlanBenchmarking
import NodePlanCatalog
import NodePlanReport

let runs = CommandLine.arguments.count > 1 ? max(1, Int(CommandLine.arguments[1]) ?? 5) : 5
let requested = CommandLine.arguments.dropFirst(2)
let rows = requested.isEmpty
    ? ["benchmark:100", "benchmark:1000", "benchmark:5000", "benchmark:10000", "benchmark:20000", "azure:10000",
       "azure:100000", "curve"]
    : Array(requested)
let resolver = try InstanceTypeResolver.builtIn()

/// The benchmark mix from 100 to 100,000 pods: median solve time, time per pod, and time per pod
/// relative to the smallest row (1.0 everywhere is linear scaling).
func printScalingCurve() throws {
    let widths = [8, 11, 8, 7]
    print("scaling curve, benchmark mix (\(runs) runs per row, median)")
    print(BenchmarkFormat.row(["pods", "median ms", "µs/pod", "vs 100"], widths: widths))
    var smallest: Double?
    for pods in [100, 1000, 10_000, 100_000] {
        let row = try SchedulingMeasurement.run(SchedulingWorkload(mix: .benchmark, pods: pods), runs: runs,
                                                resolver: resolver)
        let perPod = row.medianMilliseconds * 1000 / Double(pods)
        let base = smallest ?? perPod
        smallest = base
        print(BenchmarkFormat.row([String(pods), PlanTextReport.fixed(row.medianMilliseconds, digits: 1),
                                   PlanTextReport.fixed(perPod, digits: 1), PlanTextReport.fixed(perPod / base, digits: 2)],
                                  widths: widths))
    }
}

print("runs per row: \(runs) (median reported; fewer runs once a row has taken 10 s)")
print(SchedulingMeasurement.tableHeader)
for row in rows {
    if row == "curve" {
        try printScalingCurve()
    } else {
        print(try SchedulingMeasurement.run(SchedulingWorkload(parsing: row), runs: runs, resolver: resolver).tableRow)
    }
}
