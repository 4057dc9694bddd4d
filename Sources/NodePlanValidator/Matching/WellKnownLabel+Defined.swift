import NodePlanModel

extension WellKnownLabel {
    private static let keys: Set<String> = [
        zone, region, instanceType, arch, os, windowsBuild, capacityType, nodePool, hostname,
    ]

    /// Keys Karpenter and the Azure provider define for every node: a NodeClaim may require them
    /// even when neither its pool nor its instance type names them. Any other (custom) key must
    /// be defined by the pool or the instance type before a NodeClaim may require it.
    static func isWellKnown(_ key: String) -> Bool {
        keys.contains(key) || key.hasPrefix("karpenter.azure.com/") || key.hasPrefix("kubernetes.azure.com/")
    }
}
