import NodePlanModel

extension SnapshotBuilder {
    /// The explicit instance types of every catalog file (names unique across files) and the one
    /// built-in catalog selection, if a file configures it.
    func mergedCatalogs() throws(InputError) -> ([InstanceType], CatalogSelection?) {
        var catalog: CatalogSelection?
        var instanceTypes: [InstanceType] = []
        var instanceTypeNames: Set<String> = []
        for (file, origin) in catalogs {
            for instanceType in file.instanceTypes where !instanceTypeNames.insert(instanceType.name).inserted {
                throw origin.error(fieldPath: "spec.instanceTypes",
                                   "instance type \"\(instanceType.name)\" is defined by more than one catalog")
            }
            instanceTypes += file.instanceTypes
            if let builtin = file.builtin {
                guard catalog == nil else {
                    throw origin.error(fieldPath: "spec.builtin", "only one catalog may configure the built-in catalog")
                }
                catalog = builtin
            }
        }
        return (instanceTypes, catalog)
    }
}
