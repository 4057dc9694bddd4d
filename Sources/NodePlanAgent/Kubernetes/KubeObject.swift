/// Accessors for the metadata every Kubernetes object carries.
extension JSONValue {
    public var name: String { self[["metadata", "name"]]?.stringValue ?? "" }
    public var namespace: String { self[["metadata", "namespace"]]?.stringValue ?? "" }
    public var uid: String { self[["metadata", "uid"]]?.stringValue ?? "" }
    public var resourceVersion: String { self[["metadata", "resourceVersion"]]?.stringValue ?? "" }
    public var labels: [String: String] { self[["metadata", "labels"]]?.stringMap ?? [:] }
    public var annotations: [String: String] { self[["metadata", "annotations"]]?.stringMap ?? [:] }
    public var isDeleting: Bool { self[["metadata", "deletionTimestamp"]] != nil }
    public var finalizers: [String] { self[["metadata", "finalizers"]]?.arrayValue?.compactMap(\.stringValue) ?? [] }

    /// `namespace/name`, or `name` for cluster-scoped objects: the cache key.
    public var objectKey: String { namespace.isEmpty ? name : "\(namespace)/\(name)" }

    /// The status of condition `type` (`True`, `False`, `Unknown`), if present.
    public func condition(_ type: String) -> JSONValue? {
        self[["status", "conditions"]]?.arrayValue?.first { $0["type"]?.stringValue == type }
    }

    /// Whether condition `type` has status `True`.
    public func conditionIsTrue(_ type: String) -> Bool { condition(type)?["status"]?.stringValue == "True" }
}
