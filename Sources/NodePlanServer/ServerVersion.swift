import NodePlanCatalog

/// What ServerInfo reports about this build.
public enum ServerVersion {
    /// nodeplan's version.
    public static let current = "0.1.0"

    /// A version for the built-in catalog's data: NodePlanCatalog carries no release date yet, so the
    /// server names the data by its size, which changes whenever the shipped tables do.
    static func catalogVersion(of catalog: AzureCatalog) -> String {
        "builtin-\(catalog.skus.count)skus-\(catalog.regions.count)regions"
    }
}
