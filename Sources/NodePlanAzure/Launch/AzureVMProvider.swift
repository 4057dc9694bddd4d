import NodePlanCatalog

/// Creates, finds, lists and deletes the VMs (and their NICs) that back NodeClaims, the way Karpenter
/// Azure's VM instance provider does; capacity failures feed `unavailableOfferings`.
///
/// Launching is in `AzureVMProvider+Launch.swift`.
public struct AzureVMProvider: Sendable {
    public let client: ARMClient
    public let settings: AzureLaunchSettings
    /// Sizes' families, vCPUs, architecture and capabilities; nil treats every size as unknown.
    public let catalog: AzureCatalog?
    public let unavailableOfferings: UnavailableOfferings

    public init(client: ARMClient, settings: AzureLaunchSettings, catalog: AzureCatalog?,
                unavailableOfferings: UnavailableOfferings) {
        self.client = client
        self.settings = settings
        self.catalog = catalog
        self.unavailableOfferings = unavailableOfferings
    }

    /// The VM of `nodeClaim`, if it exists.
    public func virtualMachine(nodeClaim: String) async throws -> VMInstance? {
        let names = try ResourceNames(nodeClaim: nodeClaim)
        return try await getVirtualMachine(names.resource).map { VMInstance($0, settings: settings) }
    }

    /// Deletes the VM of `nodeClaim` (forced; its OS disk and NIC go with it) and then its NIC.
    ///
    /// A VM already being deleted (by another caller, or a deletion started before a restart) is waited
    /// for instead of deleted again.
    ///
    /// - Returns: false when there was no VM (the NIC is still removed if left over).
    @discardableResult
    public func delete(nodeClaim: String) async throws -> Bool {
        let names = try ResourceNames(nodeClaim: nodeClaim)
        guard let vm = try await getVirtualMachine(names.resource) else {
            try await deleteNetworkInterface(names.resource)
            return false
        }
        if vm.properties.provisioningState?.lowercased() == "deleting" {
            try await waitUntilGone(names.resource)
        } else {
            try await deleteVirtualMachine(names.resource)
        }
        try await deleteNetworkInterface(names.resource)
        return true
    }

    /// This cluster's VMs (tagged with its name).
    public func listVirtualMachines() async throws -> [VMInstance] {
        try await client.list(settings.virtualMachinesPath, apiVersion: settings.computeAPIVersion, as: VirtualMachine.self)
            .filter { ResourceTags.isOurs($0.tags, cluster: settings.clusterName) }
            .map { VMInstance($0, settings: settings) }
    }

    /// This cluster's NICs (tagged with its name).
    public func listNetworkInterfaces() async throws -> [NetworkInterfaceInstance] {
        try await client.list(settings.networkInterfacesPath, apiVersion: settings.networkAPIVersion,
                              as: NetworkInterface.self)
            .filter { ResourceTags.isOurs($0.tags, cluster: settings.clusterName) }
            .map { NetworkInterfaceInstance($0, settings: settings) }
    }

    func getVirtualMachine(_ name: String) async throws -> VirtualMachine? {
        try await client.get(settings.virtualMachinePath(name), apiVersion: settings.computeAPIVersion,
                             as: VirtualMachine.self)
    }

    func deleteVirtualMachine(_ name: String) async throws {
        try await client.delete(settings.virtualMachinePath(name), apiVersion: settings.computeAPIVersion,
                                query: [("forceDeletion", "true")])
    }

    /// Polls VM `name` until ARM no longer has it.
    func waitUntilGone(_ name: String) async throws {
        let deadline = client.clock.now() + client.operationTimeout
        while try await getVirtualMachine(name) != nil {
            guard client.clock.now() < deadline else {
                throw ARMError(status: nil, code: "OperationTimedOut",
                               message: "VM \(name) still exists \(Int(client.operationTimeout)) s after its deletion began")
            }
            try await client.clock.sleep(client.pollInterval)
        }
    }

    /// Deletes NIC `name`; a missing NIC is not an error.
    func deleteNetworkInterface(_ name: String) async throws {
        try await client.delete(settings.networkInterfacePath(name), apiVersion: settings.networkAPIVersion)
    }
}
