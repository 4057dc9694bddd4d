/// Drops constrained-vCPU sizes (`E32-8s_v3`): they bill for more cores than they expose.
public struct ConstrainedVCPURule: SKURule {
    public init() {}

    public func violation(by sku: AzureSKU, in context: EligibilityContext) -> Ineligibility? {
        sku.constrainedVCPU ? .constrainedVCPU : nil
    }
}
