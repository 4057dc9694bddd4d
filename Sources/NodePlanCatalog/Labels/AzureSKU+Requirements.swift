import NodePlanModel

extension AzureSKU {
    /// The labels every node of this size carries, as single-valued `In` requirements (the Hyper-V
    /// generation may list two values). Zone, capacity type and placement scope belong to offerings;
    /// `kubernetes.azure.com/mode` is left to the NodePool (AKS system pools set it to `system`).
    public func requirements(region: String, imageFamily: ImageFamily) -> [NodeSelectorRequirement] {
        let cpu = String(vCPUs)
        var labels: [(String, [String])] = [
            (WellKnownLabel.instanceType, [name]),
            (WellKnownLabel.arch, [architecture]),
            (WellKnownLabel.os, ["linux"]),
            (WellKnownLabel.region, [region]),
            (WellKnownLabel.azureSKUName, [name]),
            (WellKnownLabel.azureSKUFamily, [family]),
            (WellKnownLabel.azureSKUVersion, [version]),
            (WellKnownLabel.azureSKUCPU, [cpu]),
            (WellKnownLabel.aksSKUCPU, [cpu]),
            (WellKnownLabel.azureSKUAcceleratedNetworking, [String(acceleratedNetworking)]),
            (WellKnownLabel.azureSKUPremiumStorage, [String(premiumIO)]),
            (WellKnownLabel.azureSKUGPUCount, [String(supportedGPUCount)]),
            (WellKnownLabel.aksOSSKU, [imageFamily.osSKU]),
        ]
        if !series.isEmpty { labels.append((WellKnownLabel.azureSKUSeries, [series])) }
        if let memoryMiB {
            labels.append((WellKnownLabel.azureSKUMemory, [String(memoryMiB)]))
            labels.append((WellKnownLabel.aksSKUMemory, [String(memoryMiB)]))
        }
        if let size = ephemeralOSMaxSizeGB, size > 0 {
            labels.append((WellKnownLabel.azureSKUEphemeralOSMaxSize, [String(size)]))
        }
        if let gpu, gpu.karpenterSupported {
            labels.append((WellKnownLabel.azureSKUGPUManufacturer, [gpu.manufacturer]))
            if !gpu.name.isEmpty { labels.append((WellKnownLabel.azureSKUGPUName, [gpu.name])) }
        }
        if !hyperVGenerations.isEmpty { labels.append((AzureLabel.hyperVGeneration, hyperVGenerations)) }
        return labels.sorted { $0.0 < $1.0 }.map { NodeSelectorRequirement(key: $0.0, operator: .in, values: $0.1) }
    }

    /// GPUs Karpenter counts: the size's GPUs when it is in the supported list, else 0.
    public var supportedGPUCount: Int {
        guard let gpu, gpu.karpenterSupported else { return 0 }
        return gpu.count ?? 0
    }
}
