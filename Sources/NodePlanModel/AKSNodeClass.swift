/// OS image families an AKSNodeClass may ask for.
public enum ImageFamily: String, Hashable, Sendable, Codable, CaseIterable {
    case ubuntu = "Ubuntu"
    case ubuntu2204 = "Ubuntu2204"
    case ubuntu2404 = "Ubuntu2404"
    case azureLinux = "AzureLinux"
}

/// Whether GPU nodes get the NVIDIA driver installed (and so only supported NVIDIA SKUs qualify).
public enum GPUMode: String, Hashable, Sendable, Codable {
    case driver = "Driver"
    case none = "None"
}

/// A `karpenter.azure.com/v1beta1` AKSNodeClass: the Azure side of a NodePool's nodes.
public struct AKSNodeClass: Hashable, Sendable, Codable {
    public var name: String
    public var imageFamily: ImageFamily
    /// OS disk size, also the node's ephemeral-storage capacity (GB = 10^9 bytes).
    public var osDiskSizeGB: Int32
    /// Pods per node; nil uses the network plugin's default.
    public var maxPods: Int32?
    public var tags: [String: String]
    public var vnetSubnetID: String
    public var fipsMode: Bool
    public var encryptionAtHost: Bool
    public var trustedLaunch: Bool
    public var gpuMode: GPUMode
    public var artifactStreaming: Bool
    /// LocalDNS effectively enabled: SKUs need at least 4 vCPUs.
    public var localDNS: Bool
    /// Kubelet settings that do not affect sizing, carried for drift and launch.
    public var kubelet: [String: String]

    public init(name: String = "default", imageFamily: ImageFamily = .ubuntu, osDiskSizeGB: Int32 = 128,
                maxPods: Int32? = nil, tags: [String: String] = [:], vnetSubnetID: String = "", fipsMode: Bool = false,
                encryptionAtHost: Bool = false, trustedLaunch: Bool = false, gpuMode: GPUMode = .driver,
                artifactStreaming: Bool = false, localDNS: Bool = false, kubelet: [String: String] = [:]) {
        self.name = name
        self.imageFamily = imageFamily
        self.osDiskSizeGB = osDiskSizeGB
        self.maxPods = maxPods
        self.tags = tags
        self.vnetSubnetID = vnetSubnetID
        self.fipsMode = fipsMode
        self.encryptionAtHost = encryptionAtHost
        self.trustedLaunch = trustedLaunch
        self.gpuMode = gpuMode
        self.artifactStreaming = artifactStreaming
        self.localDNS = localDNS
        self.kubelet = kubelet
    }
}
