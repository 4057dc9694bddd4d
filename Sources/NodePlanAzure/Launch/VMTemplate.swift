import NodePlanCatalog
import NodePlanModel

/// The NIC and VM request bodies for one NodeClaim on one offering, as Karpenter Azure sends them.
struct VMTemplate {
    var settings: AzureLaunchSettings
    var names: ResourceNames
    var nodePool: String
    var nodeClass: AKSNodeClass
    var option: LaunchOption
    var customData: String?
    /// Nil for a size the catalog does not know: amd64, generation 2, no accelerated networking.
    var sku: AzureSKU?

    var tags: [String: String] {
        ResourceTags.tags(cluster: settings.clusterName, nodePool: nodePool, nodeClaim: names.nodeClaim,
                          nodeClassTags: nodeClass.tags)
    }

    func networkInterface() throws -> NetworkInterface {
        let subnetID = nodeClass.vnetSubnetID.isEmpty ? settings.defaultSubnetID : nodeClass.vnetSubnetID
        guard !subnetID.isEmpty else {
            throw AzureLaunchError.invalidRequest(field: "nodeClass.vnetSubnetID",
                                                  reason: "empty, and no default subnet is configured")
        }
        let primary = NetworkInterface.IPConfiguration(
            name: names.resource,
            properties: .init(primary: true, subnet: SubResource(id: subnetID)))
        return NetworkInterface(
            location: settings.location, tags: tags,
            properties: .init(ipConfigurations: [primary], enableAcceleratedNetworking: sku?.acceleratedNetworking ?? false,
                              enableIPForwarding: false))
    }

    func virtualMachine(networkInterfaceID: String) throws -> VirtualMachine {
        let image = NodeImage(family: nodeClass.imageFamily, kubernetesVersion: settings.kubernetesVersion,
                              architecture: sku?.architecture ?? "amd64",
                              hyperVGeneration2: sku.map { $0.hyperVGenerations.contains("2") } ?? true,
                              version: settings.imageVersion)
        var properties = VirtualMachine.Properties(
            hardwareProfile: .init(vmSize: option.instanceType),
            storageProfile: .init(imageReference: .init(communityGalleryImageId: image.communityGalleryImageID),
                                  osDisk: osDisk()),
            networkProfile: .init(networkInterfaces: [.init(id: networkInterfaceID)]),
            osProfile: osProfile(),
            priority: try priority())
        if option.capacityType == .spot {
            properties.evictionPolicy = "Delete"
            properties.billingProfile = .init(maxPrice: -1)
        }
        if nodeClass.encryptionAtHost || nodeClass.trustedLaunch {
            properties.securityProfile = .init(
                encryptionAtHost: nodeClass.encryptionAtHost ? true : nil,
                securityType: nodeClass.trustedLaunch ? "TrustedLaunch" : nil,
                uefiSettings: nodeClass.trustedLaunch ? .init(secureBootEnabled: true, vTpmEnabled: true) : nil)
        }
        let identity = settings.nodeIdentities.isEmpty ? nil : VirtualMachine.Identity(
            userAssignedIdentities: Dictionary(settings.nodeIdentities.map { ($0, [:]) }, uniquingKeysWith: { a, _ in a }))
        return VirtualMachine(location: settings.location, zones: try zones(), tags: tags, identity: identity,
                              properties: properties)
    }

    /// `["<n>"]` for `<location>-<n>`, nil for the regional `"0"`.
    private func zones() throws -> [String]? {
        if option.zone == "0" { return nil }
        let prefix = settings.location + "-"
        guard option.zone.hasPrefix(prefix), !option.zone.dropFirst(prefix.count).isEmpty else {
            throw AzureLaunchError.invalidRequest(
                field: "option.zone", reason: "\"\(option.zone)\" is neither \"0\" nor \(prefix)<n>")
        }
        return [String(option.zone.dropFirst(prefix.count))]
    }

    private func priority() throws -> String {
        switch option.capacityType {
        case .spot: return "Spot"
        case .onDemand: return "Regular"
        case .reserved:
            throw AzureLaunchError.invalidRequest(field: "option.capacityType", reason: "reserved capacity is not launched as a VM")
        }
    }

    /// Ephemeral (local) when the size's ephemeral OS disk can hold the NodeClass's disk, else managed.
    /// The catalog records the size, not which local disk gave it; the cache disk is assumed.
    private func osDisk() -> VirtualMachine.OSDisk {
        let ephemeral = (sku?.ephemeralOSMaxSizeGB ?? 0) >= Int(nodeClass.osDiskSizeGB)
        return VirtualMachine.OSDisk(name: names.resource, diskSizeGB: nodeClass.osDiskSizeGB,
                                     diffDiskSettings: ephemeral ? .init(placement: "CacheDisk") : nil)
    }

    private func osProfile() -> VirtualMachine.OSProfile {
        let ssh = settings.sshPublicKey.isEmpty ? nil : VirtualMachine.SSHConfiguration(publicKeys: [
            .init(keyData: settings.sshPublicKey, path: "/home/\(settings.adminUsername)/.ssh/authorized_keys")])
        return VirtualMachine.OSProfile(adminUsername: settings.adminUsername, computerName: names.resource,
                                        customData: customData ?? settings.customData,
                                        linuxConfiguration: .init(ssh: ssh))
    }
}
