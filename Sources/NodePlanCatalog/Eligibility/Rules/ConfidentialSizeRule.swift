/// Drops confidential sizes (`DC…`, `EC…`), which need confidential images.
public struct ConfidentialSizeRule: SKURule {
    public init() {}

    public func violation(by sku: AzureSKU, in context: EligibilityContext) -> Ineligibility? {
        sku.confidential ? .confidential : nil
    }
}
