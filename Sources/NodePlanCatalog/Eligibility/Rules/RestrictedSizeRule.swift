/// Drops sizes on AKS's restricted list (`AKSRestrictedVMSizes`) or Karpenter's (`karpenterRestrictedVMSKUs`).
public struct RestrictedSizeRule: SKURule {
    public init() {}

    public func violation(by sku: AzureSKU, in context: EligibilityContext) -> Ineligibility? {
        sku.restrictedBy.isEmpty ? nil : .restricted(list: sku.restrictedBy)
    }
}
