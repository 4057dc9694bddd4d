import NodePlanModel

extension OverheadModel {
    /// kube-reserved plus eviction threshold for `sku` with `maxPods` pods (AKS sets no system-reserved).
    /// Nil without a memory size.
    public func overhead(for sku: AzureSKU, maxPods: Int32) -> ResourceList? {
        guard let memoryGiB = sku.memoryGiB, let memoryMiB = sku.memoryMiB else { return nil }
        let kubeReservedMiB = switch self {
        case .taxBrackets: KubeReservedMemory.mebibytes(memoryGiB: memoryGiB)
        case .aksMaxPods: AKSKubeReservedMemory.mebibytes(maxPods: maxPods, memoryMiB: memoryMiB)
        }
        return ResourceList(cpu: .millis(KubeReservedCPU.millicores(vCPUs: sku.vCPUs)),
                            memory: .mebibytes(kubeReservedMiB + EvictionThreshold.memoryMiB(self)))
    }
}
