/// One REST resource of the Kubernetes API: where it lives and what kind its objects are.
public struct KubeResource: Hashable, Sendable, CustomStringConvertible {
    /// API group; empty for the core group (`/api/v1`).
    public var group: String
    public var version: String
    /// The path segment, e.g. `pods`.
    public var plural: String
    public var kind: String
    public var namespaced: Bool

    public init(group: String, version: String, plural: String, kind: String, namespaced: Bool) {
        self.group = group
        self.version = version
        self.plural = plural
        self.kind = kind
        self.namespaced = namespaced
    }

    /// `v1` or `group/version`, as objects carry it in `apiVersion`.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    public var description: String { group.isEmpty ? plural : "\(plural).\(group)" }

    /// `/api/v1` or `/apis/<group>/<version>`.
    public var groupVersionPath: String { group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)" }

    /// The collection: all namespaces when `namespace` is nil.
    public func collectionPath(namespace: String? = nil) -> String {
        if namespaced, let namespace { return "\(groupVersionPath)/namespaces/\(namespace)/\(plural)" }
        return "\(groupVersionPath)/\(plural)"
    }

    /// One object, optionally a subresource of it (`status`, `eviction`, `binding`).
    public func objectPath(namespace: String, name: String, subresource: String? = nil) -> String {
        let base = "\(collectionPath(namespace: namespaced ? namespace : nil))/\(name)"
        guard let subresource else { return base }
        return "\(base)/\(subresource)"
    }

    public static let pods = KubeResource(group: "", version: "v1", plural: "pods", kind: "Pod", namespaced: true)
    public static let nodes = KubeResource(group: "", version: "v1", plural: "nodes", kind: "Node", namespaced: false)
    public static let daemonSets = KubeResource(group: "apps", version: "v1", plural: "daemonsets", kind: "DaemonSet",
                                                namespaced: true)
    public static let podDisruptionBudgets = KubeResource(group: "policy", version: "v1", plural: "poddisruptionbudgets",
                                                          kind: "PodDisruptionBudget", namespaced: true)
    public static let priorityClasses = KubeResource(group: "scheduling.k8s.io", version: "v1", plural: "priorityclasses",
                                                     kind: "PriorityClass", namespaced: false)
    public static let nodePools = KubeResource(group: "karpenter.sh", version: "v1", plural: "nodepools", kind: "NodePool",
                                               namespaced: false)
    public static let nodeClaims = KubeResource(group: "karpenter.sh", version: "v1", plural: "nodeclaims",
                                                kind: "NodeClaim", namespaced: false)
    public static let aksNodeClasses = KubeResource(group: "karpenter.azure.com", version: "v1beta1",
                                                    plural: "aksnodeclasses", kind: "AKSNodeClass", namespaced: false)

    /// Every resource the agent lists and watches.
    public static let watched: [KubeResource] = [
        .pods, .nodes, .daemonSets, .podDisruptionBudgets, .priorityClasses, .nodePools, .nodeClaims, .aksNodeClasses,
    ]
}
