/// AKS 1.29+ kube-reserved memory (Karpenter Azure issue #1761 / PR #1919):
/// `min(20 MiB × maxPods + 50 MiB, 25 % of the VM's memory)`.
public enum AKSKubeReservedMemory {
    /// Reserved MiB for `maxPods` pods on a VM with `memoryMiB` (`MemoryGB × 1024`).
    public static func mebibytes(maxPods: Int32, memoryMiB: Int64) -> Int64 {
        min(20 * Int64(maxPods) + 50, memoryMiB / 4)
    }
}
