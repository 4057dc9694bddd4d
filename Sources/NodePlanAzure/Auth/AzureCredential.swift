/// Where the agent gets Microsoft Entra tokens for ARM.
public enum AzureCredential: Hashable, Sendable {
    /// The VM's or pod's managed identity through the instance metadata service (IMDS); `clientID`
    /// picks a user-assigned identity when the VM has several.
    case managedIdentity(clientID: String?)
    /// Workload identity: the Kubernetes service-account token in `tokenFile` (re-read on every
    /// refresh, kubelet rotates it) is exchanged for an Entra token as a federated client assertion.
    case workloadIdentity(tenantID: String, clientID: String, tokenFile: String)
    /// An app registration's client secret.
    case clientSecret(tenantID: String, clientID: String, secret: String)
}
