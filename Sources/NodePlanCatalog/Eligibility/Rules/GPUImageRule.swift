/// Keeps GPU sizes only when their GPU supports the NodeClass image's operating system.
public struct GPUImageRule: SKURule {
    public init() {}

    public func violation(by sku: AzureSKU, in context: EligibilityContext) -> Ineligibility? {
        guard let gpu = sku.gpu, !gpu.supportedOS.contains(context.gpuOperatingSystem) else { return nil }
        return .gpuImageUnsupported(operatingSystem: context.gpuOperatingSystem)
    }
}
