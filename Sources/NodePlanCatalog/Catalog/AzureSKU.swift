/// One Azure VM size with the facts the catalog knows about it, independent of region and NodeClass.
public struct AzureSKU: Hashable, Sendable {
    /// Where the memory size comes from; inferred sizes follow the series' GiB per vCPU (docs/catalog.md).
    public enum MemorySource: String, Hashable, Sendable {
        case capability = "c"
        case autoscaler = "a"
        case inferred = "i"
        case unknown = "-"
    }

    /// ARM size name, e.g. `Standard_D4s_v5`.
    public var name: String
    /// ARM quota family, e.g. `standardDSv5Family`.
    public var quotaFamily: String
    public var vCPUs: Int
    /// `MemoryGB` as Azure reports it (really GiB); nil when unknown.
    public var memoryGiB: Double?
    public var memorySource: MemorySource
    /// `amd64` or `arm64`.
    public var architecture: String
    /// True when the architecture was inferred from the name (`p` feature letter means arm64).
    public var architectureInferred: Bool
    /// Karpenter's `sku-family`, `sku-series` (empty when the name does not parse) and `sku-version` labels.
    public var family: String
    public var series: String
    public var version: String
    public var gpu: AzureGPU?
    public var acceleratedNetworking: Bool
    public var premiumIO: Bool
    /// Largest ephemeral OS disk in GB (10^9 bytes); nil when unsupported or unknown.
    public var ephemeralOSMaxSizeGB: Int?
    /// Hyper-V generations as label values: `1`, `2`.
    public var hyperVGenerations: [String]
    public var lowPriorityCapable: Bool
    public var encryptionAtHostSupported: Bool
    public var trustedLaunchSupported: Bool
    /// True when the capabilities above come from the naming convention rather than a resource-SKU record.
    public var capabilitiesInferred: Bool
    /// In Karpenter's embedded `known_skus.yaml`; unknown sizes are priced at `AzureCatalog.missingPrice`.
    public var knownToKarpenter: Bool
    /// Name of the AKS or Karpenter restriction list naming this size; empty when unrestricted.
    public var restrictedBy: String
    public var confidential: Bool
    public var constrainedVCPU: Bool

    public init(name: String, quotaFamily: String = "", vCPUs: Int, memoryGiB: Double?,
                memorySource: MemorySource = .capability, architecture: String = "amd64",
                architectureInferred: Bool = false, family: String, series: String, version: String,
                gpu: AzureGPU? = nil, acceleratedNetworking: Bool = true, premiumIO: Bool = true,
                ephemeralOSMaxSizeGB: Int? = nil, hyperVGenerations: [String] = ["1", "2"],
                lowPriorityCapable: Bool = true, encryptionAtHostSupported: Bool = true,
                trustedLaunchSupported: Bool = true, capabilitiesInferred: Bool = false,
                knownToKarpenter: Bool = true, restrictedBy: String = "", confidential: Bool = false,
                constrainedVCPU: Bool = false) {
        self.name = name
        self.quotaFamily = quotaFamily
        self.vCPUs = vCPUs
        self.memoryGiB = memoryGiB
        self.memorySource = memorySource
        self.architecture = architecture
        self.architectureInferred = architectureInferred
        self.family = family
        self.series = series
        self.version = version
        self.gpu = gpu
        self.acceleratedNetworking = acceleratedNetworking
        self.premiumIO = premiumIO
        self.ephemeralOSMaxSizeGB = ephemeralOSMaxSizeGB
        self.hyperVGenerations = hyperVGenerations
        self.lowPriorityCapable = lowPriorityCapable
        self.encryptionAtHostSupported = encryptionAtHostSupported
        self.trustedLaunchSupported = trustedLaunchSupported
        self.capabilitiesInferred = capabilitiesInferred
        self.knownToKarpenter = knownToKarpenter
        self.restrictedBy = restrictedBy
        self.confidential = confidential
        self.constrainedVCPU = constrainedVCPU
    }

    /// `MemoryGB × 1024` truncated: the `sku-memory` label value and the AKS model's memory size.
    public var memoryMiB: Int64? { memoryGiB.map { Int64($0 * 1024) } }
}
