extension AzureCatalog {
    /// Zones `sku` is offered in within `region`: the zones its record lists for the region, else the
    /// region's zones, minus restricted zones, rendered `<region>-<n>`; always followed by `"0"`, the
    /// regional (non-zonal) placement.
    public func zones(of sku: AzureSKU, in region: AzureRegion) -> [String] {
        let facts = facts(of: sku.name, in: region.name)
        let restricted = Set(facts?.restrictedZones ?? [])
        let logical = (facts?.zones ?? region.zones).filter { !restricted.contains($0) }.sorted()
        return ["0"] + logical.map { "\(region.name)-\($0)" }
    }
}
