import Foundation

extension AzureLaunchSettings {
    /// Settings from the variables Karpenter Azure's operator reads: `AZURE_SUBSCRIPTION_ID` (else
    /// `ARM_SUBSCRIPTION_ID`), `AZURE_NODE_RESOURCE_GROUP`, `LOCATION`, `CLUSTER_NAME` (required);
    /// `VNET_SUBNET_ID`, `SSH_PUBLIC_KEY`, `NODE_IDENTITIES` (comma-separated), `KUBERNETES_VERSION`
    /// (optional).
    ///
    /// - Throws: `AzureLaunchError.invalidRequest` naming the first missing variable.
    public static func fromEnvironment(_ environment: [String: String]) throws -> AzureLaunchSettings {
        func value(_ names: String...) -> String? { firstSet(names) }
        func required(_ names: String...) throws -> String {
            guard let found = firstSet(names) else {
                throw AzureLaunchError.invalidRequest(field: names.joined(separator: " or "), reason: "not set")
            }
            return found
        }
        var settings = AzureLaunchSettings(
            subscriptionID: try required("AZURE_SUBSCRIPTION_ID", "ARM_SUBSCRIPTION_ID"),
            resourceGroup: try required("AZURE_NODE_RESOURCE_GROUP"), location: try required("LOCATION"),
            clusterName: try required("CLUSTER_NAME"), defaultSubnetID: value("VNET_SUBNET_ID") ?? "",
            sshPublicKey: value("SSH_PUBLIC_KEY") ?? "",
            nodeIdentities: (value("NODE_IDENTITIES") ?? "").split(separator: ",").map {
                String($0).trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty })
        if let version = value("KUBERNETES_VERSION") { settings.kubernetesVersion = version }
        return settings

        func firstSet(_ names: [String]) -> String? {
            names.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        }
    }
}
