import Logging
import NodePlanCatalog
import NodePlanClient
import NodePlanModel
import NodePlanReport
import NodePlanServer

/// Sequential solve round trips through the service: encode, zstd, frame, send, decode and
/// validate, solve, and the plan coming back; with the server's own solve time from the plan.
public struct ServerRoundTripMeasurement: Sendable, Hashable, Codable {
    public var pods: Int
    public var roundTrip: Samples
    /// The server's `server.solve` timing of the same requests.
    public var solving: Samples

    /// `runs` solves of `snapshot` on `client`, one at a time, after one warm-up solve.
    public static func run(client: NodePlanClient, snapshot: Snapshot, runs: Int) async throws -> ServerRoundTripMeasurement {
        let clock = ContinuousClock()
        _ = try await client.solve(snapshot)
        var roundTrips: [Double] = []
        var solving: [Double] = []
        for _ in 0..<max(1, runs) {
            let sent = clock.now
            let plan = try await client.solve(snapshot)
            roundTrips.append((clock.now - sent).milliseconds)
            solving.append(plan.timings["server.solve"] ?? 0)
        }
        return ServerRoundTripMeasurement(pods: snapshot.pods.count, roundTrip: Samples(milliseconds: roundTrips),
                                          solving: Samples(milliseconds: solving))
    }

    /// Starts a `SolverServer` on a free loopback port in this process, measures `run(client:…)`
    /// over one connection, and shuts the server down.
    public static func runOnLoopback(snapshot: Snapshot, runs: Int,
                                     resolver: InstanceTypeResolver) async throws -> ServerRoundTripMeasurement {
        var logger = Logger(label: "nodeplan.bench")
        logger.logLevel = .warning
        let token = "benchmark"
        let server = try SolverServer(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, metricsPort: nil, token: token),
            resolver: resolver, logger: logger)
        let port = try await server.start().port
        let client = NodePlanClient(host: "127.0.0.1", port: port, token: token, connections: 1)
        do {
            let measurement = try await run(client: client, snapshot: snapshot, runs: runs)
            await client.close()
            await server.shutdown()
            return measurement
        } catch {
            await client.close()
            await server.shutdown()
            throw error
        }
    }

    /// `N-pod snapshot round trip, R runs: p50 X ms (of which solving p50 Y ms)`.
    public var tableRow: String {
        "\(pods)-pod snapshot round trip, \(roundTrip.runs) runs: p50 \(PlanTextReport.fixed(roundTrip.median, digits: 1)) ms "
            + "(of which solving p50 \(PlanTextReport.fixed(solving.median, digits: 1)) ms)"
    }
}
