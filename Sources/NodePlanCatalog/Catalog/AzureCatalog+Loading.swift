import Foundation

extension AzureCatalog {
    /// The catalog shipped in this package (docs/catalog.md), loaded and parsed once per process.
    public static func builtIn() throws(CatalogError) -> AzureCatalog { try builtInResult.get() }

    private static let builtInResult = Result { () throws(CatalogError) in try load(bundle: .module) }

    /// Loads the four catalog tables from `directory` (a `Resources` folder as the converter writes it).
    public static func load(directory: URL) throws(CatalogError) -> AzureCatalog {
        try load { (file: String) throws(CatalogError) -> Data in
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path) else {
                throw .missingResource(file: file)
            }
            return data
        }
    }

    private static func load(bundle: Bundle) throws(CatalogError) -> AzureCatalog {
        try load { (file: String) throws(CatalogError) -> Data in
            let base = (file as NSString).deletingPathExtension
            guard let url = bundle.url(forResource: base, withExtension: "tsv", subdirectory: "Resources"),
                  let data = FileManager.default.contents(atPath: url.path) else {
                throw .missingResource(file: file)
            }
            return data
        }
    }

    private static func load(reading read: (String) throws(CatalogError) -> Data) throws(CatalogError)
        -> AzureCatalog {
        func table(_ file: String) throws(CatalogError) -> TabSeparatedTable {
            try TabSeparatedTable(file: file, text: String(decoding: try read(file), as: UTF8.self))
        }
        let skus = try parseSKUs(try table("skus.tsv"))
        let regions = try parseRegions(try table("regions.tsv"))
        let regionFacts = try parseRegionFacts(try table("sku-regions.tsv"))
        let (priceRegions, prices) = try parsePrices(try table("prices.tsv"), skus: skus)
        return AzureCatalog(sortedSKUs: skus, regions: regions, priceRegions: priceRegions, prices: prices,
                            regionFacts: regionFacts)
    }

    private static func parseSKUs(_ table: TabSeparatedTable) throws(CatalogError) -> [AzureSKU] {
        let c = try table.columns([
            "name", "armFamily", "vCPUs", "memoryGiB", "memorySource", "arch", "archSource", "family", "series",
            "version", "gpuCount", "gpuManufacturer", "gpuName", "gpuSupported", "gpuDriver", "gpuOS",
            "acceleratedNetworking", "premiumIO", "ephemeralOSMaxGB", "hyperVGenerations", "lowPriority",
            "encryptionAtHost", "trustedLaunch", "capabilitySource", "knownSKU", "restrictedBy", "confidential",
            "constrainedVCPU",
        ])
        var skus: [AzureSKU] = []
        skus.reserveCapacity(table.rows.count)
        for (offset, row) in table.rows.enumerated() {
            let cells = Cells(table: table, row: row, line: offset + 2)
            func cell(_ name: String) -> Substring { row[c[name]!] }
            let gpu: AzureGPU? = cell("gpuSupported").isEmpty ? nil : AzureGPU(
                count: try cells.optionalInt(c["gpuCount"]!), manufacturer: String(cell("gpuManufacturer")),
                name: String(cell("gpuName")), karpenterSupported: try cells.flag(c["gpuSupported"]!),
                driverInstallSupported: try cells.flag(c["gpuDriver"]!), supportedOS: cells.list(c["gpuOS"]!))
            guard let memorySource = AzureSKU.MemorySource(rawValue: String(cell("memorySource"))) else {
                throw cells.error("memorySource '\(cell("memorySource"))' is not one of c, a, i, -")
            }
            let name = String(cell("name"))
            if let previous = skus.last, previous.name >= name {
                throw cells.error("SKU '\(name)' is not sorted after '\(previous.name)'")
            }
            skus.append(AzureSKU(
                name: name, quotaFamily: String(cell("armFamily")),
                vCPUs: try cells.int(c["vCPUs"]!), memoryGiB: try cells.optionalDouble(c["memoryGiB"]!),
                memorySource: memorySource, architecture: String(cell("arch")),
                architectureInferred: cell("archSource") == "i", family: String(cell("family")),
                series: String(cell("series")), version: String(cell("version")), gpu: gpu,
                acceleratedNetworking: try cells.flag(c["acceleratedNetworking"]!),
                premiumIO: try cells.flag(c["premiumIO"]!),
                ephemeralOSMaxSizeGB: try cells.optionalInt(c["ephemeralOSMaxGB"]!),
                hyperVGenerations: cells.list(c["hyperVGenerations"]!),
                lowPriorityCapable: try cells.flag(c["lowPriority"]!),
                encryptionAtHostSupported: try cells.flag(c["encryptionAtHost"]!),
                trustedLaunchSupported: try cells.flag(c["trustedLaunch"]!),
                capabilitiesInferred: cell("capabilitySource") == "i", knownToKarpenter: try cells.flag(c["knownSKU"]!),
                restrictedBy: String(cell("restrictedBy")), confidential: try cells.flag(c["confidential"]!),
                constrainedVCPU: try cells.flag(c["constrainedVCPU"]!)))
        }
        return skus
    }

    private static func parseRegions(_ table: TabSeparatedTable) throws(CatalogError) -> [AzureRegion] {
        let c = try table.columns(["name", "zones", "hasPrices"])
        var regions: [AzureRegion] = []
        for (offset, row) in table.rows.enumerated() {
            let cells = Cells(table: table, row: row, line: offset + 2)
            regions.append(AzureRegion(name: String(row[c["name"]!]), zones: cells.list(c["zones"]!),
                                       hasPrices: try cells.flag(c["hasPrices"]!)))
        }
        return regions
    }

    private static func parseRegionFacts(_ table: TabSeparatedTable) throws(CatalogError)
        -> [String: [String: SKURegionFacts]] {
        let c = try table.columns(["name", "region", "zones", "locationRestricted", "restrictedZones"])
        var facts: [String: [String: SKURegionFacts]] = [:]
        for (offset, row) in table.rows.enumerated() {
            let cells = Cells(table: table, row: row, line: offset + 2)
            let zones = row[c["zones"]!] == "?" ? nil : cells.list(c["zones"]!)
            facts[String(row[c["region"]!]), default: [:]][String(row[c["name"]!])] = SKURegionFacts(
                zones: zones, locationRestricted: try cells.flag(c["locationRestricted"]!),
                restrictedZones: cells.list(c["restrictedZones"]!))
        }
        return facts
    }

    /// Reads the region × SKU price matrix into `skus` order; rows may be a subset of the SKUs.
    private static func parsePrices(_ table: TabSeparatedTable, skus: [AzureSKU]) throws(CatalogError)
        -> (regions: [String], prices: [Double]) {
        guard table.header.first == "name" else {
            throw .malformedResource(file: table.file, line: 1, reason: "first column must be 'name'")
        }
        let regions = table.header.dropFirst().map(String.init)
        var prices = [Double](repeating: .nan, count: skus.count * regions.count)
        var skuRow = 0
        for (offset, row) in table.rows.enumerated() {
            let cells = Cells(table: table, row: row, line: offset + 2)
            while skuRow < skus.count && skus[skuRow].name < row[0] { skuRow += 1 }
            guard skuRow < skus.count && skus[skuRow].name == row[0] else {
                throw cells.error("price row for '\(row[0])', which skus.tsv does not list (or rows are unsorted)")
            }
            for column in regions.indices {
                if let price = try cells.optionalDouble(column + 1) { prices[skuRow * regions.count + column] = price }
            }
        }
        return (regions, prices)
    }
}
