import NodePlanModel

/// Turns a snapshot's instance-type sources into the instance types each NodePool may launch.
///
/// Pure: the only input besides the snapshot is the catalog it was created with.
public struct InstanceTypeResolver: Sendable {
    public var catalog: AzureCatalog
    public var spotPriceModel: SpotPriceModel

    public init(catalog: AzureCatalog, spotPriceModel: SpotPriceModel = .standard) {
        self.catalog = catalog
        self.spotPriceModel = spotPriceModel
    }

    /// A resolver over the built-in catalog.
    public static func builtIn(spotPriceModel: SpotPriceModel = .standard) throws(CatalogError)
        -> InstanceTypeResolver {
        InstanceTypeResolver(catalog: try AzureCatalog.builtIn(), spotPriceModel: spotPriceModel)
    }

    /// Instance types per NodePool name, each list sorted by name.
    ///
    /// Without `snapshot.catalog` every pool gets `snapshot.instanceTypes`. With it, each pool gets the
    /// catalog's eligible sizes in `catalog.region` (else the cluster's region) for its AKSNodeClass and
    /// `catalog.overheadModel`, restricted to `catalog.instanceTypes` when non-empty; then
    /// `snapshot.instanceTypes` are added (replacing catalog sizes of the same name) and
    /// `catalog.overrides` are applied in order.
    ///
    /// - Throws: `CatalogError.unknownRegion`, `.missingNodeClass` (only when the catalog is used),
    ///   `.unknownInstanceType` for a restriction or override naming a size neither the catalog nor
    ///   `snapshot.instanceTypes` has.
    public func instanceTypes(for snapshot: Snapshot) throws(CatalogError) -> [String: [InstanceType]] {
        let custom = Dictionary(snapshot.instanceTypes.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
        guard let selection = snapshot.catalog else {
            let shared = custom.values.sorted { $0.name < $1.name }
            return Dictionary(snapshot.nodePools.map { ($0.name, shared) }, uniquingKeysWith: { first, _ in first })
        }
        let region = try resolveRegion(selection, cluster: snapshot.cluster)
        try validateNames(selection, custom: custom)
        let nodeClasses = Dictionary(snapshot.nodeClasses.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var perNodeClass: [String: [InstanceType]] = [:]
        var result: [String: [InstanceType]] = [:]
        for pool in snapshot.nodePools {
            if let built = perNodeClass[pool.nodeClass] {
                result[pool.name] = built
                continue
            }
            guard let nodeClass = nodeClasses[pool.nodeClass] else {
                throw .missingNodeClass(nodePool: pool.name, nodeClass: pool.nodeClass)
            }
            let query = InstanceTypeQuery(nodeClass: nodeClass, networkPlugin: snapshot.cluster.networkPlugin,
                                          kubernetesVersion: snapshot.cluster.kubernetesVersion,
                                          overheadModel: selection.overheadModel, spotPriceModel: spotPriceModel,
                                          names: Set(selection.instanceTypes))
            let built = merge(catalog.instanceTypes(in: region, query), custom: custom, overrides: selection.overrides)
            perNodeClass[pool.nodeClass] = built
            result[pool.name] = built
        }
        return result
    }

    private func resolveRegion(_ selection: CatalogSelection, cluster: Cluster) throws(CatalogError) -> AzureRegion {
        let (name, field) = selection.region.isEmpty ? (cluster.region, "cluster.region") : (selection.region, "catalog.region")
        guard let region = catalog.region(named: name) else { throw .unknownRegion(name, field: field) }
        return region
    }

    private func validateNames(_ selection: CatalogSelection, custom: [String: InstanceType]) throws(CatalogError) {
        for (index, name) in selection.instanceTypes.enumerated() where catalog.sku(named: name) == nil {
            throw .unknownInstanceType(name, field: "catalog.instanceTypes[\(index)]")
        }
        for (index, override) in selection.overrides.enumerated()
        where catalog.sku(named: override.instanceType) == nil && custom[override.instanceType] == nil {
            throw .unknownInstanceType(override.instanceType, field: "catalog.overrides[\(index)].instanceType")
        }
    }

    /// Catalog types with same-named custom types replacing them, overrides applied, sorted by name.
    private func merge(_ fromCatalog: [InstanceType], custom: [String: InstanceType],
                       overrides: [OfferingOverride]) -> [InstanceType] {
        var merged = fromCatalog.filter { custom[$0.name] == nil } + custom.values
        for override in overrides {
            for index in merged.indices where merged[index].name == override.instanceType {
                override.apply(to: &merged[index])
            }
        }
        return merged.sorted { $0.name < $1.name }
    }
}
