/// A DaemonSet: one pod of `template` on every node it tolerates and selects.
public struct DaemonSet: Hashable, Sendable, Codable {
    public var name: String
    public var template: PodSpec
    public init(name: String, template: PodSpec) {
        self.name = name
        self.template = template
    }
    public var namespace: String { template.namespace }
}
