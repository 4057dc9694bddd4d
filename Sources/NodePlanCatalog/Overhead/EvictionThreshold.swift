import NodePlanModel

/// The kubelet's hard eviction threshold (`memory.available`) each overhead model reserves.
public enum EvictionThreshold {
    /// Reserved MiB: 750 for Karpenter Azure's tax brackets, 100 for the AKS maxPods model.
    public static func memoryMiB(_ model: OverheadModel) -> Int64 {
        switch model {
        case .taxBrackets: 750
        case .aksMaxPods: 100
        }
    }
}
