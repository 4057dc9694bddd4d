/// How the cluster's pods get IP addresses; decides the default maxPods.
public enum NetworkPlugin: String, Hashable, Sendable, Codable {
    case azureOverlay = "azure-overlay"
    case azureNodeSubnet = "azure"
    case kubenet = "kubenet"
    case none = "none"
}

/// Cluster-wide facts.
public struct Cluster: Hashable, Sendable, Codable {
    public var name: String
    public var region: String
    public var kubernetesVersion: String
    /// The snapshot's clock, seconds since the Unix epoch; the solver has no other.
    public var now: Double
    public var networkPlugin: NetworkPlugin

    public init(name: String = "", region: String = "eastus", kubernetesVersion: String = "1.33", now: Double = 0,
                networkPlugin: NetworkPlugin = .azureOverlay) {
        self.name = name
        self.region = region
        self.kubernetesVersion = kubernetesVersion
        self.now = now
        self.networkPlugin = networkPlugin
    }
}
