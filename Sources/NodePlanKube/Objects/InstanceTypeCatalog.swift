import NodePlanModel

/// A decoded `nodeplan.io/v1alpha1` InstanceTypeCatalog: explicit instance types and, optionally,
/// a selection of (and overrides to) the built-in Azure catalog.
struct InstanceTypeCatalog: Hashable, Sendable {
    var name: String
    var instanceTypes: [InstanceType]
    var builtin: CatalogSelection?
}
