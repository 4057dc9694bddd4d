/// `Microsoft.Compute/virtualMachines` as the agent writes and reads it (the fields it uses).
public struct VirtualMachine: Codable, Hashable, Sendable {
    public var id: String?
    public var name: String?
    public var location: String
    /// Logical zone numbers (`["1"]`); absent for a regional VM.
    public var zones: [String]?
    public var tags: [String: String]?
    public var identity: Identity?
    public var properties: Properties

    public init(id: String? = nil, name: String? = nil, location: String, zones: [String]? = nil,
                tags: [String: String]? = nil, identity: Identity? = nil, properties: Properties) {
        self.id = id
        self.name = name
        self.location = location
        self.zones = zones
        self.tags = tags
        self.identity = identity
        self.properties = properties
    }

    public struct Identity: Codable, Hashable, Sendable {
        public var type: String
        public var userAssignedIdentities: [String: [String: String]]?

        public init(type: String = "UserAssigned", userAssignedIdentities: [String: [String: String]]?) {
            self.type = type
            self.userAssignedIdentities = userAssignedIdentities
        }
    }

    public struct Properties: Codable, Hashable, Sendable {
        public var provisioningState: String?
        /// ISO 8601 creation time, set by ARM.
        public var timeCreated: String?
        public var hardwareProfile: HardwareProfile
        public var storageProfile: StorageProfile?
        public var networkProfile: NetworkProfile?
        public var osProfile: OSProfile?
        /// `Regular` or `Spot`.
        public var priority: String?
        /// `Delete` for spot VMs.
        public var evictionPolicy: String?
        public var billingProfile: BillingProfile?
        public var securityProfile: SecurityProfile?

        public init(provisioningState: String? = nil, timeCreated: String? = nil, hardwareProfile: HardwareProfile,
                    storageProfile: StorageProfile? = nil, networkProfile: NetworkProfile? = nil,
                    osProfile: OSProfile? = nil, priority: String? = nil, evictionPolicy: String? = nil,
                    billingProfile: BillingProfile? = nil, securityProfile: SecurityProfile? = nil) {
            self.provisioningState = provisioningState
            self.timeCreated = timeCreated
            self.hardwareProfile = hardwareProfile
            self.storageProfile = storageProfile
            self.networkProfile = networkProfile
            self.osProfile = osProfile
            self.priority = priority
            self.evictionPolicy = evictionPolicy
            self.billingProfile = billingProfile
            self.securityProfile = securityProfile
        }
    }

    public struct HardwareProfile: Codable, Hashable, Sendable {
        public var vmSize: String
        public init(vmSize: String) { self.vmSize = vmSize }
    }

    public struct StorageProfile: Codable, Hashable, Sendable {
        public var imageReference: ImageReference
        public var osDisk: OSDisk
        public init(imageReference: ImageReference, osDisk: OSDisk) {
            self.imageReference = imageReference
            self.osDisk = osDisk
        }
    }

    /// A community gallery image (`communityGalleryImageId`) or any other image by ARM ID (`id`).
    public struct ImageReference: Codable, Hashable, Sendable {
        public var communityGalleryImageId: String?
        public var id: String?
        public init(communityGalleryImageId: String? = nil, id: String? = nil) {
            self.communityGalleryImageId = communityGalleryImageId
            self.id = id
        }
    }

    public struct OSDisk: Codable, Hashable, Sendable {
        public var name: String
        public var diskSizeGB: Int32
        public var createOption: String
        public var deleteOption: String
        public var caching: String
        public var diffDiskSettings: DiffDiskSettings?
        public init(name: String, diskSizeGB: Int32, createOption: String = "FromImage", deleteOption: String = "Delete",
                    caching: String = "ReadOnly", diffDiskSettings: DiffDiskSettings? = nil) {
            self.name = name
            self.diskSizeGB = diskSizeGB
            self.createOption = createOption
            self.deleteOption = deleteOption
            self.caching = caching
            self.diffDiskSettings = diffDiskSettings
        }
    }

    /// Ephemeral OS disk placement.
    public struct DiffDiskSettings: Codable, Hashable, Sendable {
        public var option: String
        public var placement: String
        public init(option: String = "Local", placement: String) {
            self.option = option
            self.placement = placement
        }
    }

    public struct NetworkProfile: Codable, Hashable, Sendable {
        public var networkInterfaces: [NetworkInterfaceReference]
        public init(networkInterfaces: [NetworkInterfaceReference]) { self.networkInterfaces = networkInterfaces }
    }

    public struct NetworkInterfaceReference: Codable, Hashable, Sendable {
        public struct Properties: Codable, Hashable, Sendable {
            public var primary: Bool
            public var deleteOption: String
            public init(primary: Bool = true, deleteOption: String = "Delete") {
                self.primary = primary
                self.deleteOption = deleteOption
            }
        }
        public var id: String
        public var properties: Properties?
        public init(id: String, properties: Properties? = Properties()) {
            self.id = id
            self.properties = properties
        }
    }

    public struct OSProfile: Codable, Hashable, Sendable {
        public var adminUsername: String
        public var computerName: String
        public var customData: String?
        public var linuxConfiguration: LinuxConfiguration?
        public init(adminUsername: String, computerName: String, customData: String? = nil,
                    linuxConfiguration: LinuxConfiguration? = nil) {
            self.adminUsername = adminUsername
            self.computerName = computerName
            self.customData = customData
            self.linuxConfiguration = linuxConfiguration
        }
    }

    public struct LinuxConfiguration: Codable, Hashable, Sendable {
        public var disablePasswordAuthentication: Bool
        public var ssh: SSHConfiguration?
        public init(disablePasswordAuthentication: Bool = true, ssh: SSHConfiguration?) {
            self.disablePasswordAuthentication = disablePasswordAuthentication
            self.ssh = ssh
        }
    }

    public struct SSHConfiguration: Codable, Hashable, Sendable {
        public struct PublicKey: Codable, Hashable, Sendable {
            public var keyData: String
            public var path: String
            public init(keyData: String, path: String) {
                self.keyData = keyData
                self.path = path
            }
        }
        public var publicKeys: [PublicKey]
        public init(publicKeys: [PublicKey]) { self.publicKeys = publicKeys }
    }

    /// `maxPrice` -1 pays up to the on-demand price: the VM is never evicted for price.
    public struct BillingProfile: Codable, Hashable, Sendable {
        public var maxPrice: Double
        public init(maxPrice: Double) { self.maxPrice = maxPrice }
    }

    public struct SecurityProfile: Codable, Hashable, Sendable {
        public struct UEFISettings: Codable, Hashable, Sendable {
            public var secureBootEnabled: Bool
            public var vTpmEnabled: Bool
            public init(secureBootEnabled: Bool, vTpmEnabled: Bool) {
                self.secureBootEnabled = secureBootEnabled
                self.vTpmEnabled = vTpmEnabled
            }
        }
        public var encryptionAtHost: Bool?
        public var securityType: String?
        public var uefiSettings: UEFISettings?
        public init(encryptionAtHost: Bool? = nil, securityType: String? = nil, uefiSettings: UEFISettings? = nil) {
            self.encryptionAtHost = encryptionAtHost
            self.securityType = securityType
            self.uefiSettings = uefiSettings
        }
    }
}
