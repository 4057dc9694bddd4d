/// With trusted launch, keeps only sizes supporting it.
public struct TrustedLaunchRule: SKURule {
    public init() {}

    public func violation(by sku: AzureSKU, in context: EligibilityContext) -> Ineligibility? {
        context.nodeClass.trustedLaunch && !sku.trustedLaunchSupported ? .trustedLaunchUnsupported : nil
    }
}
