/// Drops GPU sizes missing from Karpenter's supported-GPU list.
public struct SupportedGPURule: SKURule {
    public init() {}

    public func violation(by sku: AzureSKU, in context: EligibilityContext) -> Ineligibility? {
        guard let gpu = sku.gpu, !gpu.karpenterSupported else { return nil }
        return .unsupportedGPU
    }
}
