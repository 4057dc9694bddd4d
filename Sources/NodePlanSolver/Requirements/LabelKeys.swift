import NodePlanModel

/// Which label keys Karpenter (and the Azure provider) treat specially.
public enum LabelKeys {
    /// Keys nodes get from the provider; a pod may require them even if no NodePool mentions them.
    public static let wellKnown: Set<String> = [
        WellKnownLabel.nodePool, WellKnownLabel.zone, WellKnownLabel.region, WellKnownLabel.instanceType,
        WellKnownLabel.arch, WellKnownLabel.os, WellKnownLabel.capacityType, WellKnownLabel.windowsBuild,
        WellKnownLabel.azureSKUName, WellKnownLabel.azureSKUFamily, WellKnownLabel.azureSKUSeries,
        WellKnownLabel.azureSKUVersion, WellKnownLabel.azureSKUCPU, WellKnownLabel.azureSKUMemory,
        WellKnownLabel.azureSKUAcceleratedNetworking, WellKnownLabel.azureSKUPremiumStorage,
        WellKnownLabel.azureSKUEphemeralOSMaxSize, WellKnownLabel.azureSKUGPUName,
        WellKnownLabel.azureSKUGPUManufacturer, WellKnownLabel.azureSKUGPUCount, WellKnownLabel.azurePlacementScope,
        WellKnownLabel.aksSKUCPU, WellKnownLabel.aksSKUMemory, WellKnownLabel.aksScaleSetPriority,
        WellKnownLabel.aksPriority, WellKnownLabel.aksMode, WellKnownLabel.aksOSSKU,
    ]

    /// Label domains users may not require (except for their well-known keys).
    public static let restrictedDomains: [String] = ["karpenter.sh", "karpenter.azure.com"]

    /// Keys users may not require.
    public static let restricted: Set<String> = [WellKnownLabel.hostname]

    /// The stable spelling of a (possibly deprecated) key.
    public static func normalized(_ key: String) -> String { WellKnownLabel.normalized[key] ?? key }

    public static func isWellKnown(_ key: String) -> Bool { wellKnown.contains(key) }

    /// Whether a pod requiring `key` must be ignored: hostname, or a restricted domain's key
    /// that is not well-known.
    public static func isRestricted(_ key: String) -> Bool {
        if wellKnown.contains(key) { return false }
        if restricted.contains(key) { return true }
        let domain = key.split(separator: "/", maxSplits: 1).count == 2 ? String(key.split(separator: "/")[0]) : ""
        return restrictedDomains.contains { domain == $0 || domain.hasSuffix("." + $0) }
    }
}
