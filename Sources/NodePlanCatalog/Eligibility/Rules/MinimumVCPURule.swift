/// Drops sizes with fewer than 2 vCPUs.
public struct MinimumVCPURule: SKURule {
    public static let minimum = 2

    public init() {}

    public func violation(by sku: AzureSKU, in context: EligibilityContext) -> Ineligibility? {
        sku.vCPUs < Self.minimum ? .tooFewVCPUs(sku.vCPUs) : nil
    }
}
