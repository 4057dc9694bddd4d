import NodePlanModel

extension AzureCatalog {
    /// Instance types of every eligible size in `region` for `query`, sorted by name.
    public func instanceTypes(in region: AzureRegion, _ query: InstanceTypeQuery) -> [InstanceType] {
        let context = EligibilityContext(region: region.name, regionFacts: facts(in: region.name),
                                         nodeClass: query.nodeClass, kubernetesVersion: query.kubernetesVersion)
        return skus.compactMap { sku in
            guard query.names.isEmpty || query.names.contains(sku.name),
                  SKUEligibility.isEligible(sku, in: context) else { return nil }
            return instanceType(sku, in: region, query)
        }
    }

    /// The instance type `sku` becomes in `region` for `query`, without eligibility filtering;
    /// nil when its memory is unknown.
    public func instanceType(_ sku: AzureSKU, in region: AzureRegion, _ query: InstanceTypeQuery) -> InstanceType? {
        let maxPods = query.maxPods
        guard let capacity = sku.capacity(osDiskSizeGB: query.nodeClass.osDiskSizeGB, maxPods: maxPods),
              let overhead = query.overheadModel.overhead(for: sku, maxPods: maxPods) else { return nil }
        return InstanceType(name: sku.name, capacity: capacity, overhead: overhead,
                            requirements: sku.requirements(region: region.name,
                                                           imageFamily: query.nodeClass.imageFamily),
                            offerings: offerings(of: sku, in: region, spotPriceModel: query.spotPriceModel))
    }
}
