/// The resource-relevant part of a container.
public struct Container: Hashable, Sendable, Codable {
    public var name: String
    public var requests: ResourceList
    public var limits: ResourceList
    /// An init container with `restartPolicy: Always` is a native sidecar: it keeps running
    /// beside the app containers.
    public var isSidecar: Bool
    public var hostPorts: [HostPort]

    public init(name: String, requests: ResourceList = ResourceList(), limits: ResourceList = ResourceList(),
                isSidecar: Bool = false, hostPorts: [HostPort] = []) {
        self.name = name
        self.requests = requests
        self.limits = limits
        self.isSidecar = isSidecar
        self.hostPorts = hostPorts
    }
}

/// A host port a pod binds on its node: `<hostIP, port, protocol>` must be unique per node,
/// and the wildcard addresses conflict with every address.
public struct HostPort: Hashable, Sendable, Codable {
    public var hostIP: String
    public var port: Int32
    public var `protocol`: String

    public init(hostIP: String = "", port: Int32, protocol: String = "TCP") {
        self.hostIP = hostIP
        self.port = port
        self.protocol = `protocol`
    }
}
