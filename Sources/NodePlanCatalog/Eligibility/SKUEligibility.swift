/// Karpenter Azure's instance-type filters, in the order the provider applies them.
public enum SKUEligibility {
    /// Filters independent of the NodeClass (discovery steps 2–4): restriction lists, Location restrictions,
    /// minimum size, constrained and confidential sizes, unsupported GPUs, unknown memory.
    public static let karpenterSupport: [any SKURule] = [
        RestrictedSizeRule(), LocationRestrictionRule(), MinimumVCPURule(), MinimumMemoryRule(), KnownMemoryRule(),
        ConstrainedVCPURule(), ConfidentialSizeRule(), SupportedGPURule(),
    ]

    /// Filters that depend on the NodeClass (discovery step 5).
    public static let nodeClassCompatibility: [any SKURule] = [
        GPUImageRule(), GPUDriverRule(), EncryptionAtHostRule(), LocalDNSRule(), ArtifactStreamingRule(),
        TrustedLaunchRule(),
    ]

    private static let allRules = karpenterSupport + nodeClassCompatibility

    /// Every reason `sku` is excluded in `context`; empty when it is eligible.
    public static func violations(of sku: AzureSKU, in context: EligibilityContext) -> [Ineligibility] {
        allRules.compactMap { $0.violation(by: sku, in: context) }
    }

    /// True when no rule excludes `sku`; stops at the first violation.
    public static func isEligible(_ sku: AzureSKU, in context: EligibilityContext) -> Bool {
        allRules.allSatisfy { $0.violation(by: sku, in: context) == nil }
    }
}
