import Foundation
import NIOPosix
import NodePlanModel
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
        var unknownRegion = Fixtures.snapshot(pods: 1)
        unknownRegion.catalog = CatalogSelection(region: "atlantis")
        _ = await #expect(throws: WireError.self) { try await client.validate(Plan(), for: unknownRegion) }
        let response = try await httpGet(port: try #require(server.addresses.metricsPort), path: "/metrics")
        #expect(response.hasPrefix("HTTP/1.1 200 OK"))
        #expect(response.contains("Content-Type: text/plain; version=0.0.4"))
        let body = String(response[try #require(response.range(of: "\r\n\r\n")).upperBound...])
        #expect(body.contains(#"nodeplan_requests_total{method="solve"} 1"#))
        #expect(body.contains(#"nodeplan_request_duration_seconds_count{method="solve"} 1"#))
        #expect(body.contains(#"nodeplan_solve_duration_seconds_bucket{method="solve",le="+Inf"} 1"#))
        #expect(body.contains("nodeplan_plan_pods_sum 20"))
        #expect(body.contains(#"nodeplan_errors_total{code="INVALID_ARGUMENT"} 1"#))
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
        // Exit 1 means the exposition does not parse; 3 means lint findings only, and the one
        // finding allowed is the missing HELP text (swift-metrics has no field for it).
        #expect(process.terminationStatus == 0 || process.terminationStatus == 3, "promtool: \(report)")
        let findings = report.split(separator: "\n").filter { !$0.contains("no help text") }
        #expect(findings.isEmpty, "promtool: \(report)")
    }
}

@Suite("Prometheus scrape", .timeLimit(.minutes(1)))
struct PrometheusScrapeTests {
    @Test("A real Prometheus scrapes /metrics and stores the request counter")
    func realScrape() async throws {
        let prometheus = "/usr/bin/prometheus"
        guard FileManager.default.isExecutableFile(atPath: prometheus) else {
            print("PrometheusScrapeTests: skipping: prometheus is not installed (apt-get install prometheus)")
            return
        }
        let server = try await TestServer.start()
        let client = server.client()
        _ = try await client.solve(Fixtures.snapshot(pods: 3))
        let metricsPort = try #require(server.addresses.metricsPort)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nodeplan-scrape-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("prometheus.yml")
        try """
        global:
          scrape_interval: 1s
        scrape_configs:
          - job_name: nodeplan
            static_configs:
              - targets: ["127.0.0.1:\(metricsPort)"]
        """.write(to: config, atomically: true, encoding: .utf8)
        let webPort = try await freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: prometheus)
        process.arguments = ["--config.file=\(config.path)", "--storage.tsdb.path=\(directory.appendingPathComponent("data").path)",
                             "--web.listen-address=127.0.0.1:\(webPort)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }

        var stored = ""
        for _ in 0..<200 {
            try await Task.sleep(for: .milliseconds(100))
            guard let answer = try? await httpGet(port: webPort, path: "/api/v1/query?query=nodeplan_requests_total%7Bmethod%3D%22solve%22%7D")
            else { continue }
            if answer.contains("\"result\":[{") {
                stored = answer
                break
            }
        }
        #expect(stored.contains("\"job\":\"nodeplan\""), "Prometheus never stored the series: \(stored)")
        #expect(stored.contains("\"1\"]"), "the stored counter should be 1: \(stored)")
        await client.close()
        await server.stop()
    }

    /// A port nothing listens on right now.
    private func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(channel.localAddress?.port)
        try await channel.close()
        return port
    }
}
