// Solver-service throughput and latency over loopback, client and server in one process.
//
//   swift run -c release server-benchmark [--seconds 10] [--connections 8] [--in-flight 16]
//
// 1. 50-pod solves per second on one connection with --in-flight calls outstanding (closed loop);
// 2. the same over --connections connections;
// 3. p50/p99 latency of 50-pod solves offered open-loop at half the better of those rates;
// 4. p50 round trip of a 10k-pod snapshot solve (encode, send, decode, solve, answer), sequential
//    (NodePlanBenchmarking.ServerRoundTripMeasurement, which `nodeplan bench --round-trip` runs too;
//    --large-runs 0 skips it);
// 5. 50-pod solves/s when the snapshot names a catalog selection instead of carrying its instance
//    types (the server resolves them, once, through its cache), and the cost of one resolution.
// Pods follow Karpenter's scheduling-benchmark mix on its 400-type catalog (rows 1-4).

import Dispatch
import Foundation
import Logging
import NodePlanBenchmarking
import NodePlanClient
import NodePlanCatalog
import NodePlanModel
import NodePlanServer
import NodePlanTesting

struct Settings {
    var seconds = 10.0
    var connections = 8
    var inFlight = 16
    var largeRuns = 7

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            guard let value = iterator.next() else { fatalError("\(flag) needs a value") }
            switch flag {
            case "--seconds": seconds = Double(value)!
            case "--connections": connections = Int(value)!
            case "--in-flight": inFlight = Int(value)!
            case "--large-runs": largeRuns = Int(value)!
            default: fatalError("unknown flag \(flag)")
            }
        }
    }
}

func snapshot(pods: Int, seed: UInt64) -> Snapshot {
    var workload = BenchmarkWorkload(seed: seed)
    var scenario = Scenario().pool("default").nodeClass(AKSNodeClass()).instanceTypes(InstanceTypes.benchmark())
    scenario = workload.diversePods(pods, into: scenario)
    return scenario.snapshot
}

/// The same pods with instance types named by a catalog selection: `count` SKUs of `region`.
func catalogSnapshot(pods: Int, seed: UInt64, region: String, skus: [String]) -> Snapshot {
    var workload = BenchmarkWorkload(seed: seed)
    var snapshot = workload.diversePods(pods, into: Scenario().pool("default").nodeClass(AKSNodeClass())).snapshot
    snapshot.cluster.region = region
    snapshot.catalog = CatalogSelection(region: region, instanceTypes: skus)
    return snapshot
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
}

/// Solves per second with `inFlight` calls outstanding on each of `client`'s connections.
func closedLoop(_ client: NodePlanClient, connections: Int, inFlight: Int, seconds: Double,
                snapshots: [Snapshot]) async throws -> Double {
    let end = now() + UInt64(seconds * 1e9)
    let start = now()
    let completed = try await withThrowingTaskGroup(of: Int.self) { group in
        for worker in 0..<(connections * inFlight) {
            group.addTask {
                var done = 0
                while now() < end {
                    _ = try await client.solve(snapshots[(worker + done) % snapshots.count])
                    done += 1
                }
                return done
            }
        }
        return try await group.reduce(0, +)
    }
    return Double(completed) / (Double(now() - start) / 1e9)
}

/// Latencies and server-side solve times (ms, each sorted) of solves started at `rate` per second
/// for `seconds`, regardless of completions.
func openLoop(_ client: NodePlanClient, rate: Double, seconds: Double,
              snapshots: [Snapshot]) async throws -> (latencies: [Double], solving: [Double]) {
    let count = Int(rate * seconds)
    let interval = 1e9 / rate
    let start = now()
    let samples = try await withThrowingTaskGroup(of: (Double, Double).self) { group in
        for index in 0..<count {
            let due = start + UInt64(Double(index) * interval)
            let wait = due > now() ? due - now() : 0
            if wait > 0 { try await Task.sleep(nanoseconds: wait) }
            group.addTask {
                let sent = now()
                let plan = try await client.solve(snapshots[index % snapshots.count])
                return (Double(now() - sent) / 1e6, plan.timings["server.solve"] ?? 0)
            }
        }
        return try await group.reduce(into: [(Double, Double)]()) { $0.append($1) }
    }
    return (samples.map(\.0).sorted(), samples.map(\.1).sorted())
}

let settings = Settings(arguments: CommandLine.arguments)
var logger = Logger(label: "server-benchmark")
logger.logLevel = .warning
let resolver = try InstanceTypeResolver.builtIn()
let server = try SolverServer(
    configuration: ServerConfiguration(host: "127.0.0.1", port: 0, metricsPort: nil, token: "benchmark",
                                       maxConcurrentStreams: 1024, solveQueueCapacity: 4096),
    resolver: resolver, logger: logger)
let port = try await server.start().port
let small = (0..<16).map { snapshot(pods: 50, seed: UInt64($0)) }
print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; solve workers: \(server.configuration.solveWorkers)")

let single = NodePlanClient(host: "127.0.0.1", port: port, token: "benchmark", connections: 1)
_ = try await single.solve(small[0])  // Warm-up: connection, code paths.
let oneConnection = try await closedLoop(single, connections: 1, inFlight: settings.inFlight, seconds: settings.seconds,
                                         snapshots: small)
print(String(format: "50-pod solves/s, 1 connection, %d in flight: %.1f", settings.inFlight, oneConnection))

let pooled = NodePlanClient(host: "127.0.0.1", port: port, token: "benchmark", connections: settings.connections)
let manyConnections = try await closedLoop(pooled, connections: settings.connections, inFlight: settings.inFlight,
                                           seconds: settings.seconds, snapshots: small)
print(String(format: "50-pod solves/s, %d connections, %d in flight each: %.1f", settings.connections,
             settings.inFlight, manyConnections))

let halfRate = max(oneConnection, manyConnections) / 2
let (latencies, solving) = try await openLoop(pooled, rate: halfRate, seconds: settings.seconds, snapshots: small)
print(String(format: "50-pod latency at %.1f/s (half the best rate), %d requests: p50 %.2f ms, p99 %.2f ms "
             + "(solving alone: p50 %.2f ms, p99 %.2f ms)", halfRate, latencies.count, percentile(latencies, 0.5),
             percentile(latencies, 0.99), percentile(solving, 0.5), percentile(solving, 0.99)))

if settings.largeRuns > 0 {
    let large = try await ServerRoundTripMeasurement.run(client: single, snapshot: snapshot(pods: 10_000, seed: 7),
                                                         runs: settings.largeRuns)
    print(large.tableRow)
}

// Every 10th general-purpose v5 size the region offers: a selection of about ten sizes.
let region = "eastus"
let regionTypes = try resolver.instanceTypes(for: catalogSnapshot(pods: 0, seed: 0, region: region, skus: []))["default"] ?? []
let skus = regionTypes.map(\.name).filter { $0.hasPrefix("Standard_D") && $0.hasSuffix("_v5") }
    .enumerated().filter { $0.offset % 10 == 0 }.map(\.element)
let catalogSmall = (0..<16).map { catalogSnapshot(pods: 50, seed: UInt64($0), region: region, skus: skus) }
let resolutionStart = now()
let resolutionRuns = 20
for _ in 0..<resolutionRuns { _ = try resolver.instanceTypes(for: catalogSmall[0]) }
let resolution = Double(now() - resolutionStart) / 1e6 / Double(resolutionRuns)
let catalogRate = try await closedLoop(pooled, connections: settings.connections, inFlight: settings.inFlight,
                                       seconds: settings.seconds, snapshots: catalogSmall)
print(String(format: "50-pod solves/s with a catalog selection (%@, %d SKUs), %d connections: %.1f "
             + "(one uncached resolution of the selection: %.2f ms; the server's cache answers all but the first)",
             region, skus.count, settings.connections, catalogRate, resolution))

await single.close()
await pooled.close()
await server.shutdown()
