/// A namespace and its labels, for pod-affinity `namespaceSelector`s.
public struct Namespace: Hashable, Sendable, Codable {
    public var name: String
    public var labels: [String: String]
    public init(name: String, labels: [String: String] = [:]) {
        self.name = name
        self.labels = labels
    }
}
