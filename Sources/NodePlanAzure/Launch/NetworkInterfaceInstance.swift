/// A NIC as the agent sees it: which NodeClaim it was made for and whether a VM holds it.
public struct NetworkInterfaceInstance: Hashable, Sendable {
    public var name: String
    public var id: String
    public var nodeClaim: String?
    public var nodePool: String?
    /// ID of the VM it is attached to, when ARM reports one.
    public var attachedVirtualMachine: String?
    public var tags: [String: String]

    public init(_ nic: NetworkInterface, settings: AzureLaunchSettings) {
        let name = nic.name ?? nic.id.map { String($0.split(separator: "/").last ?? "") } ?? ""
        self.name = name
        self.id = nic.id ?? settings.networkInterfacePath(name)
        self.tags = nic.tags ?? [:]
        self.nodeClaim = tags[ResourceTags.nodeClaim] ?? ResourceNames.nodeClaim(ofResource: name)
        self.nodePool = tags[ResourceTags.nodePool]
        self.attachedVirtualMachine = nic.properties.virtualMachine?.id
    }
}
