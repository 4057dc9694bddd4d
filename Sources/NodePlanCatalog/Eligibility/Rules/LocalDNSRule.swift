/// With LocalDNS enabled, keeps only sizes with at least 4 vCPUs.
public struct LocalDNSRule: SKURule {
    public static let minimumVCPUs = 4

    public init() {}

    public func violation(by sku: AzureSKU, in context: EligibilityContext) -> Ineligibility? {
        context.nodeClass.localDNS && sku.vCPUs < Self.minimumVCPUs ? .localDNSNeedsFourVCPUs : nil
    }
}
