import NodePlanCatalog
import NodePlanModel

extension UnavailableOfferings {
    /// Whether `option` is blocked now; family and vCPUs come from `catalog` (a size it does not know
    /// matches only blocks naming it).
    public func isUnavailable(_ option: LaunchOption, catalog: AzureCatalog?) -> Bool {
        let sku = catalog?.sku(named: option.instanceType)
        return isUnavailable(sku: option.instanceType, family: sku?.quotaFamily ?? "", vCPUs: sku?.vCPUs ?? 0,
                             zone: option.zone, capacityType: option.capacityType)
    }

    /// Marks the blocked offerings of `instanceTypes` unavailable, so the next plan avoids them.
    public func apply(to instanceTypes: inout [InstanceType], catalog: AzureCatalog?) {
        let blocks = activeBlocks
        guard !blocks.isEmpty else { return }
        for typeIndex in instanceTypes.indices {
            let name = instanceTypes[typeIndex].name
            let sku = catalog?.sku(named: name)
            for offeringIndex in instanceTypes[typeIndex].offerings.indices {
                let offering = instanceTypes[typeIndex].offerings[offeringIndex]
                if blocks.contains(where: {
                    $0.matches(sku: name, family: sku?.quotaFamily ?? "", vCPUs: sku?.vCPUs ?? 0, zone: offering.zone,
                               capacityType: offering.capacityType)
                }) {
                    instanceTypes[typeIndex].offerings[offeringIndex].available = false
                }
            }
        }
    }
}
