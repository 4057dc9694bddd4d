import ArgumentParser
import Foundation
import NodePlanCatalog
import NodePlanModel
import NodePlanSynthetic

/// `nodeplan gen`: seeded synthetic snapshots for load tests, benchmarks and experiments.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen",
        abstract: "Write a seeded, reproducible synthetic snapshot (.pb.zst, .pb or JSON by file name) or kubectl dump.",
        discussion: """
        Mixes: benchmark (Karpenter's scheduling benchmark: 400 synthetic types, the 'diverse' pod mix), \
        features (small random snapshots exercising every scheduling rule), azure (realistic Azure workloads \
        on the built-in catalog). Example: nodeplan gen azure --pods 10000 --seed 7 -o azure-10k.pb.zst
        kubectl writes a directory of `kubectl get -o yaml` List files instead (NodePools, AKSNodeClass, \
        PriorityClasses, nodes, Deployments/ReplicaSets/StatefulSets/Jobs/DaemonSets, PDBs and pods, about a \
        fifth of them pending) for `nodeplan solve DIR/*.yaml`. \
        Example: nodeplan gen kubectl --pods 2000 --seed 7 --region eastus -o cluster-dump
        """
    )

    enum Mix: String, ExpressibleByArgument, CaseIterable {
        case benchmark
        case features
        case azure

        func snapshot(pods: Int, seed: UInt64, region: String = "eastus") -> Snapshot {
            switch self {
            case .benchmark: SchedulingBenchmark.snapshot(pods: pods, seed: seed)
            case .features: FeatureMix.snapshot(pods: pods, seed: seed)
            case .azure: AzureMix.snapshot(pods: pods, seed: seed, region: region)
            }
        }
    }

    /// What `gen` writes: a snapshot of one of the mixes, or a kubectl dump.
    enum Output: String, ExpressibleByArgument, CaseIterable {
        case benchmark
        case features
        case azure
        case kubectl
    }

    @Argument(help: "What to write: benchmark, features or azure (snapshots), or kubectl (a dump directory).")
    var mix: Output

    @Option(name: .long, help: "Pods: the pending pods of a snapshot mix, all pods of a kubectl dump (1 to 100000; a dump has at least 40).")
    var pods: Int = 1000

    @Option(name: .long, help: "Random seed; the same seed gives the same snapshot.")
    var seed: UInt64 = 42

    @Option(name: .long, help: "Region of the azure mix and the kubectl dump.")
    var region: String = "eastus"

    @Option(name: [.short, .long], help: "Output file (.pb.zst, .pb or .json; JSON on standard output when absent); for kubectl a directory (required).")
    var output: String?

    func validate() throws {
        guard (1...100_000).contains(pods) else { throw ValidationError("--pods must be between 1 and 100000") }
        if mix == .kubectl, output == nil { throw ValidationError("kubectl: give the dump directory with -o DIR") }
    }

    func run() throws {
        guard let snapshotMix = Mix(rawValue: mix.rawValue) else { return try writeKubectlDump() }
        let snapshot = snapshotMix.snapshot(pods: pods, seed: seed, region: region)
        let data = try SnapshotFile.encode(snapshot, for: output ?? "-.json")
        if let output {
            do {
                try data.write(to: URL(fileURLWithPath: output))
            } catch {
                throw CommandFailure(status: ExitStatus.internalError, message: "\(output): \(error.localizedDescription)").report()
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    private func writeKubectlDump() throws {
        let directory = output ?? "."
        do {
            let dump = try KubectlDump.generate(pods: pods, seed: seed, region: region, resolver: try InstanceTypeResolver.builtIn())
            try dump.write(to: directory)
            print("wrote \(dump.podCount) pods (\(dump.pendingPodCount) pending) on \(dump.nodeCount) nodes to \(directory): "
                  + dump.files.map(\.name).joined(separator: ", "))
        } catch {
            throw CommandFailure(status: ExitStatus.internalError, message: "\(directory): \(error)").report()
        }
    }
}
