/// With gpu.mode `Driver`, keeps only GPU sizes whose NVIDIA driver Karpenter can install.
public struct GPUDriverRule: SKURule {
    public init() {}

    public func violation(by sku: AzureSKU, in context: EligibilityContext) -> Ineligibility? {
        guard context.nodeClass.gpuMode == .driver, let gpu = sku.gpu else { return nil }
        return gpu.manufacturer == "nvidia" && gpu.driverInstallSupported ? nil : .gpuDriverUnsupported
    }
}
