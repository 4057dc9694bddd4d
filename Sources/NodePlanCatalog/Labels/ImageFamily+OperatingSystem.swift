import NodePlanModel

extension ImageFamily {
    /// The `kubernetes.azure.com/os-sku` label value of nodes built from this family.
    public var osSKU: String {
        switch self {
        case .ubuntu, .ubuntu2204, .ubuntu2404: "Ubuntu"
        case .azureLinux: "AzureLinux"
        }
    }

    /// The operating system name Karpenter's supported-GPU list uses for images of this family:
    /// AzureLinux means AzureLinux 3 from Kubernetes 1.32 on, AzureLinux 2 before.
    public func gpuOperatingSystem(kubernetesVersion: String) -> String {
        switch self {
        case .ubuntu, .ubuntu2204, .ubuntu2404:
            return "ubuntu"
        case .azureLinux:
            let parts = kubernetesVersion.split(separator: ".").compactMap { Int($0.filter(\.isNumber)) }
            let atLeast132 = parts.count >= 2 && (parts[0], parts[1]) >= (1, 32)
            return atLeast132 ? "azurelinux3" : "azurelinux"
        }
    }
}
