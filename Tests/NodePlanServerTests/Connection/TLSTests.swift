import NodePlanClient
import NodePlanModel
import NodePlanServer
import NodePlanWire
import Testing

@Suite("TLS", .timeLimit(.minutes(1)))
struct TLSTests {
    private func startServer(_ certificates: TestCertificates) async throws -> TestServer {
        try await TestServer.start {
            $0.tls = ServerTLS(certificateChainFile: certificates.serverCertificate, privateKeyFile: certificates.serverKey)
        }
    }

    @Test("A client trusting the server's CA solves over TLS")
    func roundTrip() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let server = try await startServer(certificates)
        let client = server.client(tls: ClientTLS(caCertificateFile: certificates.caCertificate))
        let plan = try await client.solve(Fixtures.snapshot(pods: 20))
        #expect(plan.launches.reduce(0) { $0 + $1.pods.count } == 20)
        #expect(try await client.health() == .serving)
        // By name as well as by address: the certificate carries both.
        let byName = NodePlanClient(host: "localhost", port: server.port, token: TestServer.token,
                                    tls: ClientTLS(caCertificateFile: certificates.caCertificate))
        #expect(try await byName.health() == .serving)
        await byName.close()
        await client.close()
        await server.stop()
    }

    @Test("A plain-TCP client is refused with UNAUTHENTICATED, and TLS clients are still served")
    func plaintextClientRefused() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let server = try await startServer(certificates)
        let error = await #expect(throws: WireError.self) { _ = try await server.connection() }
        #expect(error?.code == .unauthenticated)
        #expect(error?.message.contains("requires TLS") == true)
        let client = server.client(tls: ClientTLS(caCertificateFile: certificates.caCertificate))
        #expect(try await client.health() == .serving)
        await client.close()
        await server.stop()
    }

    @Test("A client that does not trust the certificate fails the handshake")
    func untrustedCertificate() async throws {
        let certificates = try TestCertificates.make()
        let stranger = try TestCertificates.make(name: "another CA")
        defer {
            certificates.remove()
            stranger.remove()
        }
        let server = try await startServer(certificates)
        let client = server.client(tls: ClientTLS(caCertificateFile: stranger.caCertificate))
        let error = await #expect(throws: WireError.self) { _ = try await client.health() }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("TLS handshake failed") == true)
        await client.close()
        await server.stop()
    }

    @Test("Unreadable certificate or key files are refused naming the setting")
    func badFiles() throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        var configuration = ServerConfiguration(port: 0, metricsPort: nil, token: TestServer.token)
        configuration.tls = ServerTLS(certificateChainFile: certificates.directory.path + "/missing.pem",
                                      privateKeyFile: certificates.serverKey)
        let missing = #expect(throws: WireError.self) { try SolverServer(configuration: configuration, resolver: TestServer.resolver) }
        #expect(missing?.fieldPath == "tls.certificateChainFile")
        configuration.tls = ServerTLS(certificateChainFile: certificates.serverCertificate,
                                      privateKeyFile: certificates.caCertificate)
        let notAKey = #expect(throws: WireError.self) { try SolverServer(configuration: configuration, resolver: TestServer.resolver) }
        #expect(notAKey?.fieldPath == "tls.privateKeyFile")
    }
}
