/// Why the catalog could not be loaded or could not resolve instance types for a snapshot.
public enum CatalogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A bundled data file is absent.
    case missingResource(file: String)
    /// A bundled data file does not follow docs/catalog.md.
    case malformedResource(file: String, line: Int, reason: String)
    /// `field` names a region the catalog does not know.
    case unknownRegion(String, field: String)
    /// A NodePool references an AKSNodeClass the snapshot does not contain.
    case missingNodeClass(nodePool: String, nodeClass: String)
    /// `field` names a VM size the catalog does not know.
    case unknownInstanceType(String, field: String)

    public var description: String {
        switch self {
        case .missingResource(let file):
            "catalog resource \(file) is missing from the NodePlanCatalog bundle"
        case .malformedResource(let file, let line, let reason):
            "catalog resource \(file), line \(line): \(reason)"
        case .unknownRegion(let region, let field):
            "\(field): unknown Azure region '\(region)'"
        case .missingNodeClass(let nodePool, let nodeClass):
            "NodePool '\(nodePool)' references AKSNodeClass '\(nodeClass)', which the snapshot does not contain"
        case .unknownInstanceType(let name, let field):
            "\(field): unknown VM size '\(name)'"
        }
    }
}
