/// Cluster-wide facts every VM launch needs (Karpenter Azure's operator options).
public struct AzureLaunchSettings: Hashable, Sendable {
    public var subscriptionID: String
    /// The node resource group (`AZURE_NODE_RESOURCE_GROUP`), where VMs and NICs live.
    public var resourceGroup: String
    /// ARM location, e.g. `eastus`; zones are `<location>-<n>` in offerings.
    public var location: String
    /// Written to every resource as the `karpenter.azure.com_cluster` tag; resources are ours when it matches.
    public var clusterName: String
    /// Decides the node image (Ubuntu 24.04 from 1.34, Azure Linux 3 from 1.32).
    public var kubernetesVersion: String
    /// Subnet for NICs when the AKSNodeClass sets none (`VNET_SUBNET_ID`).
    public var defaultSubnetID: String
    public var adminUsername: String
    /// Empty sends no SSH key.
    public var sshPublicKey: String
    /// User-assigned identities attached to every VM (`NODE_IDENTITIES`), e.g. the kubelet identity.
    public var nodeIdentities: [String]
    /// Community gallery image version; `latest` lets ARM pick the newest.
    public var imageVersion: String
    /// Base64 `osProfile.customData` (the node bootstrap); nil sends none.
    public var customData: String?
    public var computeAPIVersion: String
    public var networkAPIVersion: String

    public init(subscriptionID: String, resourceGroup: String, location: String, clusterName: String,
                kubernetesVersion: String = "1.33", defaultSubnetID: String = "", adminUsername: String = "azureuser",
                sshPublicKey: String = "", nodeIdentities: [String] = [], imageVersion: String = "latest",
                customData: String? = nil, computeAPIVersion: String = "2025-04-01",
                networkAPIVersion: String = "2022-01-01") {
        self.subscriptionID = subscriptionID
        self.resourceGroup = resourceGroup
        self.location = location
        self.clusterName = clusterName
        self.kubernetesVersion = kubernetesVersion
        self.defaultSubnetID = defaultSubnetID
        self.adminUsername = adminUsername
        self.sshPublicKey = sshPublicKey
        self.nodeIdentities = nodeIdentities
        self.imageVersion = imageVersion
        self.customData = customData
        self.computeAPIVersion = computeAPIVersion
        self.networkAPIVersion = networkAPIVersion
    }

    /// `/subscriptions/<sub>/resourceGroups/<rg>`.
    public var resourceGroupPath: String { "/subscriptions/\(subscriptionID)/resourceGroups/\(resourceGroup)" }

    /// ARM resource path of VM `name`.
    public func virtualMachinePath(_ name: String) -> String {
        resourceGroupPath + "/providers/Microsoft.Compute/virtualMachines/" + name
    }

    /// ARM resource path of NIC `name`.
    public func networkInterfacePath(_ name: String) -> String {
        resourceGroupPath + "/providers/Microsoft.Network/networkInterfaces/" + name
    }

    var virtualMachinesPath: String { resourceGroupPath + "/providers/Microsoft.Compute/virtualMachines" }
    var networkInterfacesPath: String { resourceGroupPath + "/providers/Microsoft.Network/networkInterfaces" }

    /// The Kubernetes node's `spec.providerID` for VM `name` (resource group in lower case, as the cloud
    /// provider writes it).
    public func providerID(ofVirtualMachine name: String) -> String {
        "azure:///subscriptions/\(subscriptionID)/resourceGroups/\(resourceGroup.lowercased())"
            + "/providers/Microsoft.Compute/virtualMachines/\(name)"
    }
}
