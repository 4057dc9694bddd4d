import NodePlanModel

extension AzureSKU {
    /// Node capacity: vCPUs, memory after the VM overhead, `maxPods` pods, the OS disk as
    /// ephemeral storage (GB = 10^9 bytes) and the GPUs of supported GPU sizes. Nil without a memory size.
    public func capacity(osDiskSizeGB: Int32, maxPods: Int32) -> ResourceList? {
        guard let memoryGiB else { return nil }
        var capacity = ResourceList()
        capacity[ResourceName.cpu] = .units(Int64(vCPUs))
        capacity[ResourceName.memory] = .units(VMMemoryCapacity.bytes(memoryGiB: memoryGiB))
        capacity[ResourceName.pods] = .units(Int64(maxPods))
        capacity[ResourceName.ephemeralStorage] = .units(Int64(osDiskSizeGB) * 1_000_000_000)
        if let gpu, gpu.karpenterSupported, let count = gpu.count, count > 0, let resource = gpu.resourceName {
            capacity[resource] = .units(Int64(count))
        }
        return capacity
    }
}
