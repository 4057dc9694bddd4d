/// Drops sizes with a Location restriction (`NotAvailableForSubscription`) in the region.
public struct LocationRestrictionRule: SKURule {
    public init() {}

    public func violation(by sku: AzureSKU, in context: EligibilityContext) -> Ineligibility? {
        context.regionFacts[sku.name]?.locationRestricted == true ? .locationRestricted(region: context.region) : nil
    }
}
