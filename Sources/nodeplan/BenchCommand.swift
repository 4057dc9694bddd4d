import ArgumentParser
import Foundation
import NodePlanBenchmarking
import NodePlanCatalog
import NodePlanModel
import NodePlanReport

/// `nodeplan bench`: the benchmark suite of benchmarks/ in one command, with its results table.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run the benchmark suite: provisioning solve times, wire decode, optionally a server round trip.",
        discussion: """
        Rows: Karpenter's scheduling benchmark mix (400 synthetic types, the 'diverse' pod mix) at --sizes, the \
        Azure mix on the built-in eastus catalog at --azure-sizes, the wire decode of a --wire-pods snapshot \
        (zstd, swift-protobuf, proto -> model), `nodeplan solve` on a --kubectl-pods kubectl dump from \
        `nodeplan gen kubectl` (read, build, resolve, solve, validate, render; in process), and with --round-trip \
        sequential solves through a `nodeplan serve` started in this process on loopback. Snapshots are seeded (42) and built outside the timed region. \
        Build in release mode for meaningful figures: swift build -c release --product nodeplan. \
        Example: nodeplan bench --sizes 1000,10000 --azure-sizes 10000 --runs 5 --json
        """
    )

    @Option(name: .long, help: "Pod counts of the benchmark-mix rows, comma-separated (empty: none).")
    var sizes: SizeList = SizeList([100, 1000, 10_000])

    @Option(name: .long, help: "Pod counts of the Azure-mix rows, comma-separated (empty: none).")
    var azureSizes: SizeList = SizeList([1000, 10_000])

    @Option(name: .long, help: "Solves per row; the median is reported (fewer once a row has taken --row-budget seconds).")
    var runs = 3

    @Option(name: .long, help: "Seconds after which a row stops repeating its solve.")
    var rowBudget: Double = 10

    @Option(name: .long, help: "Packing strategy of the solve rows: optimize or karpenter (default: the snapshot's).")
    var strategy: SolverStrategy?

    @Option(name: .long, help: "Pods in the wire-decode snapshot (0 skips the wire rows).")
    var wirePods = 100_000

    @Option(name: .long, help: "Pods in the kubectl dump `solve` is timed on (0 skips the row).")
    var kubectlPods = 2000

    @Flag(name: .long, help: "Also time solve round trips through a loopback server in this process.")
    var roundTrip = false

    @Option(name: .long, help: "Pods (benchmark mix) in each round-trip snapshot.")
    var roundTripPods = 2000

    @Flag(name: .long, help: "Print the results as one JSON document instead of tables.")
    var json = false

    /// Everything one `bench` run measured (the `--json` document).
    struct Results: Codable {
        var cores: Int
        var runsPerRow: Int
        var scheduling: [SchedulingMeasurement] = []
        var wireDecode: WireDecodeMeasurement?
        var kubectlSolve: KubectlSolveMeasurement?
        var roundTrip: ServerRoundTripMeasurement?
    }

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        guard rowBudget > 0 else { throw ValidationError("--row-budget must be positive") }
        guard wirePods >= 0, kubectlPods >= 0, roundTripPods >= 1 else {
            throw ValidationError("--wire-pods and --kubectl-pods must not be negative, --round-trip-pods must be positive")
        }
        for size in sizes.values + azureSizes.values where !(1...100_000).contains(size) {
            throw ValidationError("sizes must be between 1 and 100000 pods (got \(size))")
        }
    }

    func run() async throws {
        do {
            try await measure()
        } catch let failure as CommandFailure {
            throw failure.report()
        }
    }

    private func measure() async throws {
        let resolver: InstanceTypeResolver
        do {
            resolver = try InstanceTypeResolver.builtIn()
        } catch {
            throw CommandFailure(status: ExitStatus.internalError, message: "built-in catalog: \(error)")
        }
        var results = Results(cores: ProcessInfo.processInfo.activeProcessorCount, runsPerRow: runs)
        let workloads = sizes.values.map { SchedulingWorkload(mix: .benchmark, pods: $0) }
            + azureSizes.values.map { SchedulingWorkload(mix: .azure, pods: $0) }
        if !json {
            print("machine: \(results.cores) cores; \(runs) runs per row (median), rows stop repeating after "
                  + "\(PlanTextReport.fixed(rowBudget, digits: 0)) s")
        }
        if !workloads.isEmpty, !json { print("\nProvisioning solve\n" + SchedulingMeasurement.tableHeader) }
        for workload in workloads {
            let row = try internalFailure {
                try SchedulingMeasurement.run(workload, runs: runs, budgetMilliseconds: rowBudget * 1000,
                                              strategy: strategy, resolver: resolver)
            }
            results.scheduling.append(row)
            if !json { print(row.tableRow) }
        }
        if wirePods > 0 {
            let cluster = SyntheticCluster(specs: min(200, wirePods), pods: wirePods, nodes: max(1, wirePods / 50))
            let wire = try internalFailure { try WireDecodeMeasurement.run(cluster.snapshot(), runs: runs) }
            results.wireDecode = wire
            if !json {
                print("\nWire decode: \(wire.pods) pods, \(wire.nodes) nodes, protobuf \(wire.protobufBytes) bytes, "
                      + "zstd \(wire.compressedBytes) bytes")
                for stage in wire.stages { print(stage.tableRow) }
            }
        }
        if kubectlPods > 0 {
            let measured = try internalFailure { try KubectlSolveMeasurement.run(pods: kubectlPods, runs: runs, resolver: resolver) }
            results.kubectlSolve = measured
            if !json { print("\nSolve (in process)\n" + measured.tableRow) }
        }
        if roundTrip {
            let snapshot = SchedulingWorkload(mix: .benchmark, pods: roundTripPods, seed: 7)
            let measured: ServerRoundTripMeasurement
            do {
                measured = try await ServerRoundTripMeasurement.runOnLoopback(
                    snapshot: try snapshot.input(resolver: resolver).snapshot, runs: runs, resolver: resolver)
            } catch {
                throw CommandFailure(status: ExitStatus.internalError, message: "round trip: \(error)")
            }
            results.roundTrip = measured
            if !json { print("\nServer (loopback, 1 connection)\n" + measured.tableRow) }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        }
    }

    private func internalFailure<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch {
            throw CommandFailure(status: ExitStatus.internalError, message: "\(error)")
        }
    }
}

/// A comma-separated list of pod counts, e.g. `100,1000,10000`; empty for none.
struct SizeList: ExpressibleByArgument {
    var values: [Int]

    init(_ values: [Int]) { self.values = values }

    init?(argument: String) {
        var values: [Int] = []
        for part in argument.split(separator: ",", omittingEmptySubsequences: true) {
            guard let value = Int(part.trimmingCharacters(in: .whitespaces)) else { return nil }
            values.append(value)
        }
        self.values = values
    }

    var defaultValueDescription: String { values.map(String.init).joined(separator: ",") }
}
