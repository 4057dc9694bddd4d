/// Token service addresses; configurable so tests and sovereign clouds can point elsewhere.
public struct TokenEndpoints: Hashable, Sendable {
    /// Microsoft Entra authority, e.g. `https://login.microsoftonline.com`; the token URL is
    /// `<authorityHost>/<tenant>/oauth2/v2.0/token`.
    public var authorityHost: String
    /// IMDS managed-identity token URL.
    public var managedIdentity: String

    public init(authorityHost: String = "https://login.microsoftonline.com",
                managedIdentity: String = "http://169.254.169.254/metadata/identity/oauth2/token") {
        self.authorityHost = authorityHost
        self.managedIdentity = managedIdentity
    }

    /// `AZURE_AUTHORITY_HOST` when set (workload identity sets it), else the public cloud.
    public static func fromEnvironment(_ environment: [String: String]) -> TokenEndpoints {
        var endpoints = TokenEndpoints()
        if let host = environment["AZURE_AUTHORITY_HOST"], !host.isEmpty {
            endpoints.authorityHost = host.hasSuffix("/") ? String(host.dropLast()) : host
        }
        return endpoints
    }
}
