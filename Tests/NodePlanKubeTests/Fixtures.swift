import Foundation
import NodePlanKube
import NodePlanModel

/// Test inputs: fixture files (realistic `kubectl get -o yaml|json` dumps) and inline YAML.
enum Fixtures {
    static let all = ["pods.yaml", "workloads.yaml", "cluster.yaml", "nodes.json", "csinodes.yaml", "storage.yaml",
                      "karpenter.yaml", "catalog.yaml", "deployment.json"]

    static func path(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!.path
    }

    /// A snapshot built from the named fixture files.
    static func snapshot(_ names: [String] = all, cluster: Cluster = Cluster()) throws -> Snapshot {
        var builder = SnapshotBuilder(cluster: cluster)
        for name in names { try builder.addFile(atPath: path(name)) }
        return try builder.build()
    }

    /// A snapshot built from inline YAML or JSON.
    static func snapshot(text: String, file: String = "inline.yaml") throws -> Snapshot {
        var builder = SnapshotBuilder()
        try builder.add(text: text, file: file)
        return try builder.build()
    }

    /// The error building `text` reports, as text.
    static func error(text: String, file: String = "bad.yaml") -> String? {
        do {
            _ = try snapshot(text: text, file: file)
            return nil
        } catch {
            return "\(error)"
        }
    }
}

extension Snapshot {
    func pod(_ name: String) -> Pod? { pods.first { $0.name == name } }
    func node(_ name: String) -> Node? { nodes.first { $0.name == name } }
}
