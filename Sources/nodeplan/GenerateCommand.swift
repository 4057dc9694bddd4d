import ArgumentParser
import Foundation
import NodePlanModel
import NodePlanSynthetic

/// `nodeplan gen`: seeded synthetic snapshots for load tests, benchmarks and experiments.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen",
        abstract: "Write a seeded, reproducible synthetic snapshot (.pb.zst, .pb or JSON by file name).",
        discussion: """
        Mixes: benchmark (Karpenter's scheduling benchmark: 400 synthetic types, the 'diverse' pod mix),
        features (small random snapshots exercising every scheduling rule), azure (realistic Azure workloads
        on the built-in catalog). Example: nodeplan gen azure --pods 10000 --seed 7 -o azure-10k.pb.zst
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

    @Argument(help: "Which mix: benchmark, features or azure.")
    var mix: Mix

    @Option(name: .long, help: "Number of pending pods (1 to 100000).")
    var pods: Int = 1000

    @Option(name: .long, help: "Random seed; the same seed gives the same snapshot.")
    var seed: UInt64 = 42

    @Option(name: .long, help: "Region of the azure mix.")
    var region: String = "eastus"

    @Option(name: [.short, .long], help: "Output file (.pb.zst, .pb or .json); JSON on standard output when absent.")
    var output: String?

    func validate() throws {
        guard (1...100_000).contains(pods) else { throw ValidationError("--pods must be between 1 and 100000") }
    }

    func run() throws {
        let snapshot = mix.snapshot(pods: pods, seed: seed, region: region)
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
}
