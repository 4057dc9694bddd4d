/// One instance-type filter: returns why `sku` is excluded in `context`, or nil when it passes.
public protocol SKURule: Sendable {
    func violation(by sku: AzureSKU, in context: EligibilityContext) -> Ineligibility?
}
