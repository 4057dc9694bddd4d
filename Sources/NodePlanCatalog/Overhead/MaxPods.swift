import NodePlanModel

/// Pods per node: the AKSNodeClass's `maxPods`, else the network plugin's default.
public enum MaxPods {
    /// Default when `maxPods` is unset: 250 for Azure CNI overlay and for no plugin, 30 for Azure CNI
    /// with node-subnet pod IPs, 110 for kubenet.
    public static func `default`(for plugin: NetworkPlugin) -> Int32 {
        switch plugin {
        case .azureOverlay, .none: 250
        case .azureNodeSubnet: 30
        case .kubenet: 110
        }
    }

    public static func effective(nodeClass: AKSNodeClass, networkPlugin: NetworkPlugin) -> Int32 {
        nodeClass.maxPods ?? self.default(for: networkPlugin)
    }
}
