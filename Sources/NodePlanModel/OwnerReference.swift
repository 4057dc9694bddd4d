/// The controller that owns a pod (Deployment's ReplicaSet, StatefulSet, Job, DaemonSet, Node for mirror pods).
public struct OwnerReference: Hashable, Sendable, Codable {
    public var kind: String
    public var name: String
    public init(kind: String, name: String) {
        self.kind = kind
        self.name = name
    }
}
