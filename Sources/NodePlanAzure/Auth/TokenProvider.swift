import Foundation

/// Hands out bearer tokens for one credential and scope, cached until shortly before they expire.
///
/// Concurrent callers share one token request. Like Karpenter's credential wrapper, a token is kept at
/// most `maximumLifetime` (2 h) even if the service grants longer, and refreshed `refreshMargin` early.
public actor TokenProvider {
    public let credential: AzureCredential
    /// OAuth scope, `<ARM endpoint>/.default`.
    public let scope: String
    public let endpoints: TokenEndpoints
    public let refreshMargin: Double
    public let maximumLifetime: Double
    private let transport: any HTTPTransport
    private let clock: AzureClock
    private var cached: AccessToken?
    private var pending: Task<AccessToken, Error>?

    public init(credential: AzureCredential, scope: String = "https://management.azure.com/.default",
                endpoints: TokenEndpoints = TokenEndpoints(), transport: any HTTPTransport, clock: AzureClock = .system,
                refreshMargin: Double = 300, maximumLifetime: Double = 7200) {
        self.credential = credential
        self.scope = scope
        self.endpoints = endpoints
        self.transport = transport
        self.clock = clock
        self.refreshMargin = refreshMargin
        self.maximumLifetime = maximumLifetime
    }

    /// A token valid for at least `refreshMargin` more seconds.
    public func token() async throws -> String {
        if let cached, cached.expiresOn - refreshMargin > clock.now() { return cached.value }
        if let pending { return try await pending.value.value }
        let request = try makeRequest()
        let (transport, clock, lifetime) = (self.transport, self.clock, maximumLifetime)
        let task = Task { try await Self.fetch(request, transport: transport, clock: clock, maximumLifetime: lifetime) }
        pending = task
        defer { pending = nil }
        let token = try await task.value
        cached = token
        return token.value
    }

    /// Drops the cached token, e.g. after ARM answered 401 to it.
    public func invalidate() { cached = nil }

    private func makeRequest() throws -> HTTPRequestMessage {
        switch credential {
        case .managedIdentity(let clientID):
            var query = [("api-version", "2018-02-01"), ("resource", Self.resource(of: scope))]
            if let clientID { query.append(("client_id", clientID)) }
            return HTTPRequestMessage(method: "GET", url: endpoints.managedIdentity + "?" + URLEncoding.query(query),
                                      headers: [("Metadata", "true")])
        case .workloadIdentity(let tenantID, let clientID, let tokenFile):
            let assertion: String
            do {
                assertion = try String(contentsOfFile: tokenFile, encoding: .utf8)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                throw AzureAuthenticationError(message: "cannot read AZURE_FEDERATED_TOKEN_FILE \(tokenFile): \(error)")
            }
            return entraRequest(tenantID: tenantID, form: [
                ("client_id", clientID), ("grant_type", "client_credentials"), ("scope", scope),
                ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                ("client_assertion", assertion)])
        case .clientSecret(let tenantID, let clientID, let secret):
            return entraRequest(tenantID: tenantID, form: [
                ("client_id", clientID), ("grant_type", "client_credentials"), ("scope", scope),
                ("client_secret", secret)])
        }
    }

    private func entraRequest(tenantID: String, form: [(String, String)]) -> HTTPRequestMessage {
        HTTPRequestMessage(method: "POST", url: "\(endpoints.authorityHost)/\(tenantID)/oauth2/v2.0/token",
                           headers: [("Content-Type", "application/x-www-form-urlencoded")],
                           body: Array(URLEncoding.query(form).utf8))
    }

    /// IMDS wants a resource, not a scope: the scope without `/.default`.
    private static func resource(of scope: String) -> String {
        scope.hasSuffix("/.default") ? String(scope.dropLast("/.default".count)) : scope
    }

    private static func fetch(_ request: HTTPRequestMessage, transport: any HTTPTransport, clock: AzureClock,
                              maximumLifetime: Double) async throws -> AccessToken {
        let requestedAt = clock.now()
        let response: HTTPResponseMessage
        do {
            response = try await transport.send(request)
        } catch {
            throw AzureAuthenticationError(message: "token service unreachable at \(request.url): \(error)")
        }
        guard response.isSuccess else {
            let text = String(decoding: response.body, as: UTF8.self)
            throw AzureAuthenticationError(status: response.status, message: text.isEmpty ? "no body" : text)
        }
        guard let body = try? JSONDecoder().decode(TokenResponse.self, from: Data(response.body)) else {
            throw AzureAuthenticationError(status: response.status, message: "token response is not the expected JSON")
        }
        let granted = body.expiresOn ?? body.expiresIn.map { requestedAt + $0 } ?? requestedAt + 3600
        return AccessToken(value: body.accessToken, expiresOn: min(granted, requestedAt + maximumLifetime))
    }

    /// Entra answers numbers, IMDS answers strings: both are accepted.
    private struct TokenResponse: Decodable {
        var accessToken: String
        var expiresIn: Double?
        var expiresOn: Double?

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token", expiresIn = "expires_in", expiresOn = "expires_on"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            accessToken = try container.decode(String.self, forKey: .accessToken)
            expiresIn = Self.number(container, .expiresIn)
            expiresOn = Self.number(container, .expiresOn)
        }

        private static func number(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) -> Double? {
            if let value = try? container.decode(Double.self, forKey: key) { return value }
            return (try? container.decode(String.self, forKey: key)).flatMap(Double.init)
        }
    }
}
