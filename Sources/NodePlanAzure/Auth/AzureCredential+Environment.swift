extension AzureCredential {
    /// The credential `DefaultAzureCredential` would pick from the environment, in its order:
    /// `AZURE_CLIENT_SECRET` (with `AZURE_TENANT_ID`, `AZURE_CLIENT_ID`), then
    /// `AZURE_FEDERATED_TOKEN_FILE` (workload identity, set by the webhook for pods labelled
    /// `azure.workload.identity/use: "true"`), else the managed identity (`AZURE_CLIENT_ID` optional).
    ///
    /// - Throws: `AzureAuthenticationError` naming the variable that is missing.
    public static func fromEnvironment(_ environment: [String: String]) throws -> AzureCredential {
        func required(_ name: String, for purpose: String) throws -> String {
            guard let value = environment[name], !value.isEmpty else {
                throw AzureAuthenticationError(message: "\(name) is required for \(purpose)")
            }
            return value
        }
        if let secret = environment["AZURE_CLIENT_SECRET"], !secret.isEmpty {
            return .clientSecret(tenantID: try required("AZURE_TENANT_ID", for: "a client secret"),
                                 clientID: try required("AZURE_CLIENT_ID", for: "a client secret"), secret: secret)
        }
        if let tokenFile = environment["AZURE_FEDERATED_TOKEN_FILE"], !tokenFile.isEmpty {
            return .workloadIdentity(tenantID: try required("AZURE_TENANT_ID", for: "workload identity"),
                                     clientID: try required("AZURE_CLIENT_ID", for: "workload identity"),
                                     tokenFile: tokenFile)
        }
        let clientID = environment["AZURE_CLIENT_ID"].flatMap { $0.isEmpty ? nil : $0 }
        return .managedIdentity(clientID: clientID)
    }
}
