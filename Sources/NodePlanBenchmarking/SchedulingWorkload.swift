import NodePlanCatalog
import NodePlanModel
import NodePlanSynthetic

/// One row of the provisioning benchmark: a seeded synthetic snapshot of a given mix and size.
public struct SchedulingWorkload: Sendable, Hashable, CustomStringConvertible {
    public enum Mix: String, Sendable, Hashable, Codable, CaseIterable {
        /// Karpenter's scheduling benchmark: 400 synthetic types, the "diverse" pod mix.
        case benchmark
        /// Realistic Azure workloads on the built-in catalog of eastus.
        case azure
    }

    public var mix: Mix
    public var pods: Int
    public var seed: UInt64

    public init(mix: Mix, pods: Int, seed: UInt64 = 42) {
        self.mix = mix
        self.pods = pods
        self.seed = seed
    }

    /// Parses `MIX:PODS`, e.g. `benchmark:20000` or `azure:10000`.
    public init(parsing text: String) throws(WorkloadSyntaxError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let mix = Mix(rawValue: String(parts[0])) else {
            throw WorkloadSyntaxError(text: text, reason: "expected benchmark:PODS or azure:PODS")
        }
        guard let pods = Int(parts[1]), pods > 0 else {
            throw WorkloadSyntaxError(text: text, reason: "the pod count must be a positive integer")
        }
        self.init(mix: mix, pods: pods)
    }

    public var description: String { "\(mix.rawValue):\(pods)" }

    /// The label the results table shows.
    public var label: String {
        switch mix {
        case .benchmark: "benchmark mix"
        case .azure: "azure mix (eastus)"
        }
    }

    /// The snapshot and, for the Azure mix, the instance types the built-in catalog resolves for it
    /// (nil: every pool is offered the snapshot's own types).
    public func input(resolver: InstanceTypeResolver) throws -> (snapshot: Snapshot, instanceTypes: [String: [InstanceType]]?) {
        switch mix {
        case .benchmark:
            return (SchedulingBenchmark.snapshot(pods: pods, seed: seed), nil)
        case .azure:
            let snapshot = AzureMix.snapshot(pods: pods, seed: seed)
            return (snapshot, try resolver.instanceTypes(for: snapshot))
        }
    }
}

/// A benchmark row that is not `MIX:PODS`.
public struct WorkloadSyntaxError: Error, Sendable, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String { "'\(text)': \(reason)" }
}
