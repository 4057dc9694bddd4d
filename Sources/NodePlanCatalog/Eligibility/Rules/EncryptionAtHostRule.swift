/// With `security.encryptionAtHost`, keeps only sizes supporting encryption at host.
public struct EncryptionAtHostRule: SKURule {
    public init() {}

    public func violation(by sku: AzureSKU, in context: EligibilityContext) -> Ineligibility? {
        context.nodeClass.encryptionAtHost && !sku.encryptionAtHostSupported ? .encryptionAtHostUnsupported : nil
    }
}
