/// Label, annotation and taint keys Kubernetes, Karpenter and the Azure provider define.
public enum WellKnownLabel {
    public static let hostname = "kubernetes.io/hostname"
    public static let zone = "topology.kubernetes.io/zone"
    public static let region = "topology.kubernetes.io/region"
    public static let instanceType = "node.kubernetes.io/instance-type"
    public static let arch = "kubernetes.io/arch"
    public static let os = "kubernetes.io/os"
    public static let windowsBuild = "node.kubernetes.io/windows-build"
    public static let capacityType = "karpenter.sh/capacity-type"
    public static let nodePool = "karpenter.sh/nodepool"
    public static let initialized = "karpenter.sh/initialized"
    public static let registered = "karpenter.sh/registered"

    public static let azureSKUName = "karpenter.azure.com/sku-name"
    public static let azureSKUFamily = "karpenter.azure.com/sku-family"
    public static let azureSKUSeries = "karpenter.azure.com/sku-series"
    public static let azureSKUVersion = "karpenter.azure.com/sku-version"
    public static let azureSKUCPU = "karpenter.azure.com/sku-cpu"
    public static let azureSKUMemory = "karpenter.azure.com/sku-memory"
    public static let azureSKUAcceleratedNetworking = "karpenter.azure.com/sku-networking-accelerated"
    public static let azureSKUPremiumStorage = "karpenter.azure.com/sku-storage-premium-capable"
    public static let azureSKUEphemeralOSMaxSize = "karpenter.azure.com/sku-storage-ephemeralos-maxsize"
    public static let azureSKUGPUName = "karpenter.azure.com/sku-gpu-name"
    public static let azureSKUGPUManufacturer = "karpenter.azure.com/sku-gpu-manufacturer"
    public static let azureSKUGPUCount = "karpenter.azure.com/sku-gpu-count"
    public static let azurePlacementScope = "karpenter.azure.com/placement-scope"
    public static let aksSKUCPU = "kubernetes.azure.com/sku-cpu"
    public static let aksSKUMemory = "kubernetes.azure.com/sku-memory"
    public static let aksScaleSetPriority = "kubernetes.azure.com/scalesetpriority"
    public static let aksPriority = "kubernetes.azure.com/priority"
    public static let aksMode = "kubernetes.azure.com/mode"
    public static let aksOSSKU = "kubernetes.azure.com/os-sku"

    /// Deprecated spellings Karpenter normalises to their stable keys.
    public static let normalized: [String: String] = [
        "failure-domain.beta.kubernetes.io/zone": zone,
        "failure-domain.beta.kubernetes.io/region": region,
        "beta.kubernetes.io/arch": arch,
        "beta.kubernetes.io/os": os,
        "beta.kubernetes.io/instance-type": instanceType,
    ]
}

/// Annotations the solver reads.
public enum WellKnownAnnotation {
    public static let doNotDisrupt = "karpenter.sh/do-not-disrupt"
    public static let podDeletionCost = "controller.kubernetes.io/pod-deletion-cost"
}
