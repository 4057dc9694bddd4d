/// Drops sizes whose memory the data set does not know: their capacity cannot be computed.
public struct KnownMemoryRule: SKURule {
    public init() {}

    public func violation(by sku: AzureSKU, in context: EligibilityContext) -> Ineligibility? {
        sku.memoryGiB == nil ? .unknownMemory : nil
    }
}
