/// Memory a VM reports to Kubernetes: whole GiB of `MemoryGB` minus the hypervisor's share
/// (Karpenter Azure's `--vm-memory-overhead-percent`, default 7.5 %, rounded up to a byte).
public enum VMMemoryCapacity {
    /// The overhead as a fraction in thousandths: 75 / 1000 = 7.5 %.
    public static let overheadPerMille: Int64 = 75

    /// Node memory capacity in bytes for a VM whose `MemoryGB` capability is `memoryGiB`.
    public static func bytes(memoryGiB: Double) -> Int64 {
        let total = Int64(max(memoryGiB, 0).rounded(.down)) << 30
        let overhead = (total * overheadPerMille + 999) / 1000
        return total - overhead
    }
}
