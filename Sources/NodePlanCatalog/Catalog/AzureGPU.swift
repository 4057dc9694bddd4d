import NodePlanModel

/// The accelerators of a GPU size, as Karpenter's supported-GPU list describes them.
public struct AzureGPU: Hashable, Sendable {
    /// GPUs per VM; nil when the data set does not know it.
    public var count: Int?
    /// `nvidia` or `amd`; empty when the size is not in Karpenter's supported list.
    public var manufacturer: String
    /// Accelerator token from the size name, e.g. `A100`; empty when the name has none.
    public var name: String
    /// Listed in Karpenter's supported-GPU list (unlisted GPU sizes are not schedulable).
    public var karpenterSupported: Bool
    /// Karpenter can install the driver (gpu.mode `Driver`).
    public var driverInstallSupported: Bool
    /// Image operating systems the GPU works with: `ubuntu`, `azurelinux`, `azurelinux3`, `windows`.
    public var supportedOS: [String]

    public init(count: Int?, manufacturer: String, name: String, karpenterSupported: Bool,
                driverInstallSupported: Bool, supportedOS: [String]) {
        self.count = count
        self.manufacturer = manufacturer
        self.name = name
        self.karpenterSupported = karpenterSupported
        self.driverInstallSupported = driverInstallSupported
        self.supportedOS = supportedOS
    }

    /// The extended resource the device plugin advertises, or nil for an unknown manufacturer.
    public var resourceName: String? {
        switch manufacturer {
        case "nvidia": ResourceName.nvidiaGPU
        case "amd": ResourceName.amdGPU
        default: nil
        }
    }
}
