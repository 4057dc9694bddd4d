/// AKS kube-reserved CPU: 6 % of the first core, 4 % of the second, 2 % of cores 3–4, 1 % of every core above 4.
public enum KubeReservedCPU {
    /// Reserved millicores for a VM with `vCPUs` cores (both overhead models use it).
    public static func millicores(vCPUs: Int) -> Int64 {
        let cores = Int64(max(vCPUs, 0))
        let first = min(cores, 1) * 60
        let second = min(max(cores - 1, 0), 1) * 40
        let thirdAndFourth = min(max(cores - 2, 0), 2) * 20
        let rest = max(cores - 4, 0) * 10
        return first + second + thirdAndFourth + rest
    }
}
