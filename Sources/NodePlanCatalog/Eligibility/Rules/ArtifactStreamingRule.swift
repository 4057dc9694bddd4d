/// With artifact streaming enabled, drops arm64 sizes.
public struct ArtifactStreamingRule: SKURule {
    public init() {}

    public func violation(by sku: AzureSKU, in context: EligibilityContext) -> Ineligibility? {
        context.nodeClass.artifactStreaming && sku.architecture == "arm64" ? .artifactStreamingExcludesArm64 : nil
    }
}
