import NodePlanModel

/// A snapshot the provisioner cannot plan for, naming the offending field and why.
public struct ProvisioningInputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Path of the field, e.g. `pods[3].spec`.
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }

    /// Checks what the solver relies on: pod spec indices in range, unique node and NodePool names.
    static func validate(_ snapshot: Snapshot) throws(ProvisioningInputError) {
        for (index, pod) in snapshot.pods.enumerated() where !snapshot.podSpecs.indices.contains(Int(pod.spec)) {
            throw ProvisioningInputError(field: "pods[\(index)].spec",
                                         reason: "index \(pod.spec) is outside podSpecs (\(snapshot.podSpecs.count) entries)")
        }
        var nodeNames = Set<String>()
        for (index, node) in snapshot.nodes.enumerated() where !nodeNames.insert(node.name).inserted {
            throw ProvisioningInputError(field: "nodes[\(index)].name", reason: "duplicate node name \"\(node.name)\"")
        }
        var poolNames = Set<String>()
        for (index, pool) in snapshot.nodePools.enumerated() where !poolNames.insert(pool.name).inserted {
            throw ProvisioningInputError(field: "nodePools[\(index)].name",
                                         reason: "duplicate NodePool name \"\(pool.name)\"")
        }
    }
}
