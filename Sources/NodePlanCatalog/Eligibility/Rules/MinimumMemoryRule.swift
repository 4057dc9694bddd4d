/// Drops sizes with less than 3.5 GiB of memory.
public struct MinimumMemoryRule: SKURule {
    public static let minimumGiB = 3.5

    public init() {}

    public func violation(by sku: AzureSKU, in context: EligibilityContext) -> Ineligibility? {
        guard let memory = sku.memoryGiB, memory < Self.minimumGiB else { return nil }
        return .tooLittleMemory(gibibytes: memory)
    }
}
