import NodePlanModel

/// Everything besides the region that shapes the instance types built from the catalog for one NodeClass.
public struct InstanceTypeQuery: Hashable, Sendable {
    public var nodeClass: AKSNodeClass
    /// Decides the default maxPods when the NodeClass sets none.
    public var networkPlugin: NetworkPlugin
    /// Decides which AzureLinux the GPU filter checks (AzureLinux 3 from 1.32 on).
    public var kubernetesVersion: String
    public var overheadModel: OverheadModel
    public var spotPriceModel: SpotPriceModel
    /// Restrict to these size names; empty means every eligible size.
    public var names: Set<String>

    public init(nodeClass: AKSNodeClass = AKSNodeClass(), networkPlugin: NetworkPlugin = .azureOverlay,
                kubernetesVersion: String = "1.33", overheadModel: OverheadModel = .taxBrackets,
                spotPriceModel: SpotPriceModel = .standard, names: Set<String> = []) {
        self.nodeClass = nodeClass
        self.networkPlugin = networkPlugin
        self.kubernetesVersion = kubernetesVersion
        self.overheadModel = overheadModel
        self.spotPriceModel = spotPriceModel
        self.names = names
    }

    /// Pods per node for this NodeClass and network plugin.
    public var maxPods: Int32 { MaxPods.effective(nodeClass: nodeClass, networkPlugin: networkPlugin) }
}
