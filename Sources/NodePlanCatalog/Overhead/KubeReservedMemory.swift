/// Karpenter Azure's kube-reserved memory tax brackets: 25 % of the first 4 GiB, 20 % of the next 4,
/// 10 % of the next 8, 6 % of the next 112 (up to 128 GiB) and 2 % above 128 GiB.
public enum KubeReservedMemory {
    /// (bracket size in GiB, percent); the last bracket is unbounded.
    private static let brackets: [(size: Double, percent: Double)] = [
        (4, 25), (4, 20), (8, 10), (112, 6), (.infinity, 2),
    ]

    /// Reserved MiB for a VM whose `MemoryGB` capability is `memoryGiB`, truncated to whole MiB.
    public static func mebibytes(memoryGiB: Double) -> Int64 {
        var remainingMiB = max(memoryGiB, 0) * 1024
        var reservedTimes100 = 0.0
        for bracket in brackets where remainingMiB > 0 {
            let portion = min(remainingMiB, bracket.size * 1024)
            reservedTimes100 += portion * bracket.percent
            remainingMiB -= portion
        }
        // Sum in whole percent units first so integer-MiB inputs stay exact before the single division.
        return Int64(reservedTimes100 / 100)
    }
}
