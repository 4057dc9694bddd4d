import Foundation

/// Tags that mark VMs and NICs as created by nodeplan for one cluster, with their NodePool and NodeClaim.
public enum ResourceTags {
    public static let cluster = "karpenter.azure.com_cluster"
    public static let nodePool = "karpenter.sh_nodepool"
    public static let nodeClaim = "karpenter.sh_nodeclaim"
    public static let billing = "compute.aks.billing"

    /// The AKSNodeClass's tags (with `/` in keys replaced by `_`, as ARM forbids it) under ours.
    public static func tags(cluster: String, nodePool: String, nodeClaim: String, nodeClassTags: [String: String])
        -> [String: String] {
        var tags: [String: String] = [:]
        for (key, value) in nodeClassTags { tags[key.replacingOccurrences(of: "/", with: "_")] = value }
        tags[Self.cluster] = cluster
        tags[Self.nodePool] = nodePool
        tags[Self.nodeClaim] = nodeClaim
        tags[Self.billing] = "linux"
        return tags
    }

    /// Whether tags mark a resource as this cluster's.
    public static func isOurs(_ tags: [String: String]?, cluster: String) -> Bool {
        tags?[Self.cluster] == cluster && tags?[Self.nodePool] != nil
    }
}
