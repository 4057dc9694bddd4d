import Logging
import NIOConcurrencyHelpers
import NodePlanClient
import NodePlanServer
import NodePlanWire
import Testing

@Suite("Authentication and secrets", .timeLimit(.minutes(1)))
struct AuthenticationTests {
    @Test("Without a token the server refuses to listen beyond loopback, unless told to serve anyone")
    func tokenRequiredBeyondLoopback() throws {
        let open = ServerConfiguration(host: "0.0.0.0", token: nil)
        let error = try #require(throws: WireError.self) { try open.validate() }
        #expect(error.fieldPath == "token")
        #expect(error.message.contains("not a loopback interface") && error.message.contains("--insecure-no-auth"))
        try ServerConfiguration(host: "0.0.0.0", token: nil, insecureNoAuth: true).validate()
        try ServerConfiguration(host: "127.0.0.1", token: nil).validate()
        try ServerConfiguration(host: "0.0.0.0", token: "secret").validate()
    }

    @Test("Loopback is localhost, ::1 and 127.0.0.0/8, nothing else",
          arguments: [("localhost", true), ("::1", true), ("127.0.0.1", true), ("127.8.9.10", true), ("0.0.0.0", false),
                      ("10.0.0.1", false), ("127.0.0.1.example.com", false), ("127.0.0.256", false), ("", false)])
    func loopback(host: String, isLoopback: Bool) {
        #expect(ServerConfiguration.isLoopback(host) == isLoopback)
    }

    @Test("A loopback server without a token accepts any client")
    func noAuthenticationOnLoopback() async throws {
        let server = try await TestServer.start { $0.token = nil }
        let client = NodePlanClient(host: "127.0.0.1", port: server.port, token: "anything", connections: 1)
        #expect(try await client.health() == .serving)
        await client.close()
        await server.stop()
    }

    @Test("Tokens match only exactly", arguments: [
        ("test-token-5f2c9a", true), ("test-token-5f2c9b", false), ("test-token-5f2c9", false),
        ("test-token-5f2c9aa", false), ("", false), ("TEST-TOKEN-5F2C9A", false),
    ])
    func tokenComparison(presented: String, matches: Bool) {
        #expect(BearerToken(TestServer.token).matches(presented) == matches)
    }

    @Test("The token never reaches the logs, even at trace level and when a client gets it wrong")
    func noSecretsInLogs() async throws {
        let lines = NIOLockedValueBox<[String]>([])
        var logger = Logger(label: "nodeplan.server.test") { _ in CapturingLogHandler(lines: lines) }
        logger.logLevel = .trace
        let server = try await TestServer.start(logger: logger)
        let client = server.client()
        _ = try await client.solve(Fixtures.snapshot(pods: 2))
        let nearMiss = "test-token-5f2c9b"
        await #expect(throws: WireError.self) {
            try await NodePlanConnection.connect(host: "127.0.0.1", port: server.port, token: nearMiss)
        }
        await client.close()
        await server.stop()
        logger.info("configuration", metadata: ["configuration": "\(server.server.configuration)",
                                                "token": "\(BearerToken(TestServer.token))"])
        let log = lines.withLockedValue { $0.joined(separator: "\n") }
        #expect(log.contains("client refused"))
        #expect(log.contains("BearerToken(redacted)"))
        #expect(!log.contains(TestServer.token))
        #expect(!log.contains(nearMiss))
    }
}

/// Keeps every log line (message and metadata) in memory.
private struct CapturingLogHandler: LogHandler {
    let lines: NIOLockedValueBox<[String]>
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
             function: String, line: UInt) {
        let all = self.metadata.merging(metadata ?? [:]) { $1 }
        lines.withLockedValue { $0.append("\(level) \(message) \(all)") }
    }
}
