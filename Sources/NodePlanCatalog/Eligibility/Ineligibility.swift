/// Why a VM size is not offered to a NodePool (Karpenter Azure's instance-type filters).
public enum Ineligibility: Hashable, Sendable, CustomStringConvertible {
    /// On AKS's or Karpenter's list of restricted sizes (the associated value names the list).
    case restricted(list: String)
    case tooFewVCPUs(Int)
    case tooLittleMemory(gibibytes: Double)
    /// The data set has no memory size for it, so no capacity can be computed.
    case unknownMemory
    /// A constrained-vCPU size such as `E32-8s_v3`.
    case constrainedVCPU
    /// A confidential size (`DC…`, `EC…`).
    case confidential
    /// A GPU size missing from Karpenter's supported-GPU list.
    case unsupportedGPU
    /// Not available for the subscription in the region (a Location restriction).
    case locationRestricted(region: String)
    /// The GPU does not support the NodeClass's image operating system.
    case gpuImageUnsupported(operatingSystem: String)
    /// gpu.mode `Driver` admits only NVIDIA sizes Karpenter can install the driver on.
    case gpuDriverUnsupported
    case encryptionAtHostUnsupported
    /// LocalDNS needs at least 4 vCPUs.
    case localDNSNeedsFourVCPUs
    /// Artifact streaming excludes arm64 sizes.
    case artifactStreamingExcludesArm64
    case trustedLaunchUnsupported

    public var description: String {
        switch self {
        case .restricted(let list): "restricted by \(list)"
        case .tooFewVCPUs(let count): "\(count) vCPUs, fewer than the minimum of 2"
        case .tooLittleMemory(let gibibytes): "\(gibibytes) GiB of memory, less than the minimum of 3.5 GiB"
        case .unknownMemory: "memory size unknown"
        case .constrainedVCPU: "constrained-vCPU size"
        case .confidential: "confidential size"
        case .unsupportedGPU: "GPU not in Karpenter's supported list"
        case .locationRestricted(let region): "not available for the subscription in \(region)"
        case .gpuImageUnsupported(let system): "GPU does not support the \(system) image"
        case .gpuDriverUnsupported: "gpu.mode Driver needs a supported NVIDIA GPU"
        case .encryptionAtHostUnsupported: "encryption at host unsupported"
        case .localDNSNeedsFourVCPUs: "LocalDNS needs at least 4 vCPUs"
        case .artifactStreamingExcludesArm64: "artifact streaming excludes arm64"
        case .trustedLaunchUnsupported: "trusted launch unsupported"
        }
    }
}
