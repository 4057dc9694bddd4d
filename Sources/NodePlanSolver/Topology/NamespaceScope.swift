/// The namespaces a topology group counts pods in.
enum NamespaceScope: Hashable, Sendable {
    case all
    case only(Set<String>)

    func contains(_ namespace: String) -> Bool {
        switch self {
        case .all: true
        case .only(let names): names.contains(namespace)
        }
    }
}
