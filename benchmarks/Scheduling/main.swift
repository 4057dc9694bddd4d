// Provisioning solve time on Karpenter's scheduling benchmark mix (400 synthetic instance types,
// five pod groups with zonal and hostname spread, self-affinity and hostname anti-affinity) and on
// the Azure mix with the built-in catalog of one region. Snapshot generation and instance-type
// resolution are outside the timed region (NodePlanBenchmarking.SchedulingMeasurement, which
// `nodeplan bench` runs too).
// Run: swift run -c release scheduling-benchmark [runs] [benchmark:PODS | azure:PODS ...]
// (the default rows are benchmark:100 … benchmark:20000, azure:10000 and azure:100000).
import NodePlanBenchmarking
import NodePlanCatalog

let runs = CommandLine.arguments.count > 1 ? max(1, Int(CommandLine.arguments[1]) ?? 5) : 5
let requested = CommandLine.arguments.dropFirst(2)
let rows = try (requested.isEmpty
    ? ["benchmark:100", "benchmark:1000", "benchmark:5000", "benchmark:10000", "benchmark:20000", "azure:10000",
       "azure:100000"]
    : Array(requested)).map { try SchedulingWorkload(parsing: $0) }

print("runs per row: \(runs) (median reported; fewer runs once a row has taken 10 s)")
print(SchedulingMeasurement.tableHeader)
let resolver = try InstanceTypeResolver.builtIn()
for row in rows {
    print(try SchedulingMeasurement.run(row, runs: runs, resolver: resolver).tableRow)
}
