import Foundation
import NodePlanServer
import NodePlanWire
import Testing

@Suite("Prometheus metrics", .timeLimit(.minutes(1)))
struct MetricsTests {
    @Test("/metrics serves request, latency, plan-size and error metrics as Prometheus text")
    func metricsEndpoint() async throws {
        let server = try await TestServer.start()
        let client = server.client()
        _ = try await client.solve(Fixtures.snapshot(pods: 20))
        _ = await #expect(throws: WireError.self) { try await client.consolidate(Fixtures.snapshot(pods: 1)) }
        let response = try await httpGet(port: try #require(server.addresses.metricsPort), path: "/metrics")
        #expect(response.hasPrefix("HTTP/1.1 200 OK"))
        #expect(response.contains("Content-Type: text/plain; version=0.0.4"))
        let body = String(response[try #require(response.range(of: "\r\n\r\n")).upperBound...])
        #expect(body.contains(#"nodeplan_requests_total{method="solve"} 1"#))
        #expect(body.contains(#"nodeplan_request_duration_seconds_count{method="solve"} 1"#))
        #expect(body.contains(#"nodeplan_solve_duration_seconds_bucket{method="solve",le="+Inf"} 1"#))
        #expect(body.contains("nodeplan_plan_pods_sum 20"))
        #expect(body.contains(#"nodeplan_errors_total{code="UNIMPLEMENTED"} 1"#))
        #expect(body.contains("nodeplan_requests_in_flight 0"))

        let missing = try await httpGet(port: try #require(server.addresses.metricsPort), path: "/other")
        #expect(missing.hasPrefix("HTTP/1.1 404"))

        try checkWithPromtool(body)
        await client.close()
        await server.stop()
    }

    /// Runs `promtool check metrics` (Debian's `prometheus` package) on the exposition when installed.
    private func checkWithPromtool(_ exposition: String) throws {
        let candidates = ["/usr/bin/promtool", "/usr/local/bin/promtool"]
        guard let promtool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("MetricsTests: skipping the promtool check: promtool is not installed (apt-get install prometheus)")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: promtool)
        process.arguments = ["check", "metrics"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(exposition.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        // promtool exits 1 for lint findings (missing HELP text) as well as for parse errors; only
        // the latter make the exposition unusable.
        #expect(!report.contains("error while linting") && !report.contains("parse error"), "promtool: \(report)")
        #expect(process.terminationStatus == 0 || report.contains("no help text"), "promtool: \(report)")
    }
}
