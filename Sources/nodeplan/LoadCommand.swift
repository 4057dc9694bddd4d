import ArgumentParser
import Foundation
import Histogram
import NodePlanClient
import NodePlanModel
import NodePlanSynthetic
import NodePlanWire

/// `nodeplan load`: load-test a running solver with synthetic or saved snapshots.
struct LoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load-test a `nodeplan serve`: closed loop or fixed rate, then a latency table (HdrHistogram).",
        discussion: """
        Closed loop (default): --concurrency requests are always in flight. With --rate, requests start on a \
        fixed schedule and latency counts from the scheduled start (no coordinated omission). \
        Example: nodeplan load --server 127.0.0.1:7433 --mix features --pods 50 --concurrency 16 --duration 10
        """
    )

    @Option(name: .long, help: "The solver, HOST:PORT.")
    var server: String

    @OptionGroup var token: TokenOptions

    @OptionGroup var tls: ClientTLSOptions

    @Option(name: .long, help: "A snapshot file to send (.pb.zst, .pb or JSON); otherwise one is generated.")
    var snapshot: String?

    @Option(name: .long, help: "Generated mix when no --snapshot: benchmark, features or azure.")
    var mix: GenerateCommand.Mix = .features

    @Option(name: .long, help: "Pods in the generated snapshot.")
    var pods: Int = 50

    @Option(name: .long, help: "Seed of the generated snapshot.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Requests in flight at once.")
    var concurrency: Int = 8

    @Option(name: .long, help: "Connections to spread requests over.")
    var connections: Int = 1

    @Option(name: .long, help: "Requests per second (fixed rate); 0 runs a closed loop.")
    var rate: Double = 0

    @Option(name: .long, help: "Seconds to run.")
    var duration: Double = 10

    @Option(name: .long, help: "Stop after this many requests (0: no count limit).")
    var requests: Int = 0

    @Option(name: .long, help: "Deadline of each request in milliseconds.")
    var deadline: Int64 = 10_000

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        guard concurrency >= 1, connections >= 1 else { throw ValidationError("--concurrency and --connections must be at least 1") }
        guard duration > 0 || requests > 0 else { throw ValidationError("give --duration or --requests") }
        guard rate >= 0 else { throw ValidationError("--rate must not be negative") }
    }

    func run() async throws {
        do {
            let snapshot = try loadSnapshot()
            guard let colon = server.lastIndex(of: ":"), let port = Int(server[server.index(after: colon)...]) else {
                throw CommandFailure(status: ExitStatus.badInput, message: "--server: expected HOST:PORT, got \(server)")
            }
            let client: NodePlanClient
            do {
                client = try await NodePlanClient.connect(host: String(server[..<colon]), port: port, token: try token.read(),
                                                          connections: connections, tls: tls.configuration)
            } catch let error as ValidationError {
                throw CommandFailure(status: ExitStatus.badInput, message: error.message)
            } catch {
                throw CommandFailure(status: ExitStatus.internalError, message: "\(server): \(error)")
            }
            let result = await LoadRun(client: client, snapshot: snapshot, concurrency: concurrency, rate: rate,
                                       duration: .milliseconds(Int64(duration * 1000)), requests: requests,
                                       deadline: .milliseconds(deadline),
                                       progress: Terminal.standardErrorIsTerminal).run()
            await client.close()
            print(json ? try result.json() : result.table(), terminator: "")
            if result.succeeded == 0 { throw ExitStatus.internalError }
        } catch let failure as CommandFailure {
            throw failure.report()
        }
    }

    private func loadSnapshot() throws -> Snapshot {
        if let path = snapshot { return try SnapshotFile.read(path) }
        return mix.snapshot(pods: pods, seed: seed)
    }
}
