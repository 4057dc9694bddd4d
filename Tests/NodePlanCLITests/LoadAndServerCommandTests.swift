import Foundation
import Testing

/// `solve --server` and `load` against a real `nodeplan serve` on loopback.
@Suite struct LoadAndServerCommandTests {
    @Test func solveOnTheServerPrintsTheSamePlanAsLocally() throws {
        let server = try LiveServer()
        defer { server.stop() }
        let environment = ["NODEPLAN_TOKEN": LiveServer.token]
        let remote = try NodePlanProcess.run(["solve", "-o", "json", "--server", server.address] + SolveCommandTests.module,
                                             environment: environment)
        let local = try NodePlanProcess.run(["solve", "-o", "json"] + SolveCommandTests.module)
        #expect(remote.status == 1, "\(remote.standardError)")
        func launches(_ output: String) throws -> String {
            let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            return String(decoding: try JSONSerialization.data(withJSONObject: document["launches"] ?? [], options: .sortedKeys), as: UTF8.self)
        }
        #expect(try launches(remote.standardOutput) == launches(local.standardOutput))
    }

    @Test func wrongTokenIsRefused() throws {
        let server = try LiveServer()
        defer { server.stop() }
        let result = try NodePlanProcess.run(["solve", "--server", server.address] + SolveCommandTests.module,
                                             environment: ["NODEPLAN_TOKEN": "wrong"])
        #expect(result.status == 4)
        #expect(result.standardError.contains("UNAUTHENTICATED"))
    }

    @Test func serveRefusesHalfATLSConfiguration() throws {
        let result = try NodePlanProcess.run(["serve", "--port", "0", "--metrics-port", "0", "--tls-cert", "server.pem"],
                                             environment: ["NODEPLAN_TOKEN": LiveServer.token])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--tls-cert and --tls-key go together"))
    }

    @Test func serveNamesTheUnreadableTLSFile() throws {
        let result = try NodePlanProcess.run(
            ["serve", "--port", "0", "--metrics-port", "0", "--tls-cert", "/nonexistent/server.pem", "--tls-key", "/nonexistent/key.pem"],
            environment: ["NODEPLAN_TOKEN": LiveServer.token])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--tls-cert: cannot read a PEM certificate from /nonexistent/server.pem"))
    }

    @Test func loadReportsLatencyPercentilesAndStatuses() throws {
        let server = try LiveServer()
        defer { server.stop() }
        let result = try NodePlanProcess.run(
            ["load", "--server", server.address, "--pods", "20", "--concurrency", "2", "--requests", "12", "--json"],
            environment: ["NODEPLAN_TOKEN": LiveServer.token])
        #expect(result.status == 0, "\(result.standardError)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(document["requests"] as? Int == 12)
        #expect((document["statuses"] as? [String: Int]) == ["OK": 12])
        let latency = try #require(document["latencyMilliseconds"] as? [String: Double])
        #expect(Set(latency.keys) == ["p50", "p90", "p99", "p99.9", "max"])
        #expect(latency["p50"]! > 0 && latency["p50"]! <= latency["max"]!)
    }
}
