/// `Microsoft.Network/networkInterfaces` as the agent writes and reads it (the fields it uses).
public struct NetworkInterface: Codable, Hashable, Sendable {
    public var id: String?
    public var name: String?
    public var location: String
    public var tags: [String: String]?
    public var properties: Properties

    public init(id: String? = nil, name: String? = nil, location: String, tags: [String: String]? = nil,
                properties: Properties) {
        self.id = id
        self.name = name
        self.location = location
        self.tags = tags
        self.properties = properties
    }

    public struct Properties: Codable, Hashable, Sendable {
        public var provisioningState: String?
        public var ipConfigurations: [IPConfiguration]
        public var enableAcceleratedNetworking: Bool?
        public var enableIPForwarding: Bool?
        public var networkSecurityGroup: SubResource?
        /// The VM the NIC is attached to, as ARM reports it.
        public var virtualMachine: SubResource?

        public init(provisioningState: String? = nil, ipConfigurations: [IPConfiguration],
                    enableAcceleratedNetworking: Bool? = nil, enableIPForwarding: Bool? = nil,
                    networkSecurityGroup: SubResource? = nil, virtualMachine: SubResource? = nil) {
            self.provisioningState = provisioningState
            self.ipConfigurations = ipConfigurations
            self.enableAcceleratedNetworking = enableAcceleratedNetworking
            self.enableIPForwarding = enableIPForwarding
            self.networkSecurityGroup = networkSecurityGroup
            self.virtualMachine = virtualMachine
        }
    }

    public struct IPConfiguration: Codable, Hashable, Sendable {
        public var name: String
        public var properties: IPConfigurationProperties

        public init(name: String, properties: IPConfigurationProperties) {
            self.name = name
            self.properties = properties
        }
    }

    public struct IPConfigurationProperties: Codable, Hashable, Sendable {
        public var primary: Bool
        public var privateIPAllocationMethod: String
        public var subnet: SubResource?
        public var loadBalancerBackendAddressPools: [SubResource]?

        public init(primary: Bool, privateIPAllocationMethod: String = "Dynamic", subnet: SubResource?,
                    loadBalancerBackendAddressPools: [SubResource]? = nil) {
            self.primary = primary
            self.privateIPAllocationMethod = privateIPAllocationMethod
            self.subnet = subnet
            self.loadBalancerBackendAddressPools = loadBalancerBackendAddressPools
        }
    }
}
