import Foundation
import NodePlanCatalog
import NodePlanKube
import NodePlanModel
import NodePlanReport
import NodePlanSynthetic

/// A realistic dump of an AKS cluster run by Karpenter, as `kubectl get … -o yaml` writes it
/// (`kind: List` documents, keys sorted): NodePools and an AKSNodeClass, PriorityClasses, nodes
/// packed by earlier provisioning, Deployments with their ReplicaSets, StatefulSets, Jobs,
/// DaemonSets, PodDisruptionBudgets, and their pods — most running, some pending after a
/// scale-up, a rollout and new batch jobs. Seeded: the same seed writes the same bytes.
struct KubectlDump {
    /// File name and YAML text, one file per `kubectl get` command.
    var files: [(name: String, text: String)]
    /// Pods in the dump: workload and DaemonSet pods, running and pending.
    var podCount: Int
    var pendingPodCount: Int
    var nodeCount: Int

    /// A cluster in `region` with exactly `pods` pods (at least 40), about a fifth of them pending.
    static func generate(pods: Int, seed: UInt64, region: String,
                         resolver: InstanceTypeResolver) throws -> KubectlDump {
        var generator = try KubectlDumpGenerator(seed: seed, region: region, resolver: resolver)
        generator.populate(pods: pods)
        return try generator.dump()
    }

    /// Writes every file into `directory`, creating it if needed.
    func write(to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for file in files {
            try file.text.write(toFile: (directory as NSString).appendingPathComponent(file.name), atomically: true,
                                encoding: .utf8)
        }
    }
}
