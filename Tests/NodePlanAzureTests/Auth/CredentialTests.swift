import Foundation
import NodePlanARMSimulator
import NodePlanAzure
import Testing

@Suite("Credentials: environment selection, workload identity, managed identity")
struct CredentialTests {
    @Test("The environment picks client secret, then workload identity, then managed identity")
    func fromEnvironment() throws {
        #expect(try AzureCredential.fromEnvironment(["AZURE_CLIENT_SECRET": "s", "AZURE_TENANT_ID": "t", "AZURE_CLIENT_ID": "c"])
            == .clientSecret(tenantID: "t", clientID: "c", secret: "s"))
        #expect(try AzureCredential.fromEnvironment(["AZURE_FEDERATED_TOKEN_FILE": "/var/run/token", "AZURE_TENANT_ID": "t",
                                                     "AZURE_CLIENT_ID": "c"])
            == .workloadIdentity(tenantID: "t", clientID: "c", tokenFile: "/var/run/token"))
        #expect(try AzureCredential.fromEnvironment(["AZURE_CLIENT_ID": "c"]) == .managedIdentity(clientID: "c"))
        #expect(try AzureCredential.fromEnvironment([:]) == .managedIdentity(clientID: nil))
        #expect(throws: AzureAuthenticationError(message: "AZURE_TENANT_ID is required for workload identity")) {
            try AzureCredential.fromEnvironment(["AZURE_FEDERATED_TOKEN_FILE": "/t", "AZURE_CLIENT_ID": "c"])
        }
        #expect(TokenEndpoints.fromEnvironment(["AZURE_AUTHORITY_HOST": "https://login.example/"]).authorityHost
            == "https://login.example")
    }

    @Test("Workload identity exchanges the projected token file; managed identity asks IMDS; both reach ARM")
    func tokenKinds() async throws {
        try await AzureTestEnvironment.with { env in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("nodeplan-sa-token-\(UUID().uuidString)")
            try "eyJhbGciOi.service-account.token\n".write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let endpoints = TokenEndpoints(authorityHost: env.baseURL,
                                           managedIdentity: env.baseURL + "/metadata/identity/oauth2/token")
            for credential in [AzureCredential.workloadIdentity(tenantID: "t", clientID: "c", tokenFile: file.path),
                               .managedIdentity(clientID: "kubelet")] {
                let tokens = TokenProvider(credential: credential, endpoints: endpoints, transport: env.transport,
                                           clock: env.clock.azureClock)
                let client = ARMClient(endpoint: env.baseURL, transport: env.transport, tokens: tokens,
                                       clock: env.clock.azureClock)
                let vm = try await client.get(env.settings.virtualMachinePath("absent"), apiVersion: "2025-04-01",
                                              as: VirtualMachine.self)
                #expect(vm == nil)
            }
            #expect(env.simulator.tokenRequests == 2)
        }
    }

    @Test("A token granted for a day is still refreshed after at most 2 h")
    func lifetimeCap() async throws {
        let clock = VirtualClock()
        let simulator = ARMSimulator(configuration: .init(tokenLifetime: 86_400, now: { clock.now }))
        let baseURL = try await simulator.start()
        let tokens = TokenProvider(credential: .managedIdentity(clientID: nil),
                                   endpoints: TokenEndpoints(managedIdentity: baseURL + "/metadata/identity/oauth2/token"),
                                   transport: AsyncHTTPClientTransport(), clock: clock.azureClock)
        let first = try await tokens.token()
        clock.advance(by: 7200 - 301)
        let stillFirst = try await tokens.token()
        clock.advance(by: 2)
        let second = try await tokens.token()
        try await simulator.shutdown()
        #expect(first == stillFirst)
        #expect(second != first)
        #expect(simulator.tokenRequests == 2)
    }

    @Test("A missing token file and a refused secret are authentication errors")
    func failures() async throws {
        try await AzureTestEnvironment.with { env in
            let missing = TokenProvider(credential: .workloadIdentity(tenantID: "t", clientID: "c", tokenFile: "/nonexistent/token"),
                                        endpoints: TokenEndpoints(authorityHost: env.baseURL), transport: env.transport)
            await #expect(throws: AzureAuthenticationError.self) { try await missing.token() }
            let refused = TokenProvider(credential: .clientSecret(tenantID: "t", clientID: "", secret: "s"),
                                        endpoints: TokenEndpoints(authorityHost: env.baseURL), transport: env.transport)
            await #expect { try await refused.token() } throws: { ($0 as? AzureAuthenticationError)?.status == 400 }
        }
    }
}
