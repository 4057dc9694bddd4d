import ArgumentParser
import Foundation
import NodePlanClient
import NodePlanModel
import NodePlanReport
import NodePlanSolver
import NodePlanValidator

/// `nodeplan solve`: what would this cluster need?
struct SolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Plan nodes for the pending pods of kubectl dumps or a snapshot (offline what-if).",
        discussion: """
        Reads Pods, Deployments, ReplicaSets, StatefulSets, Jobs, DaemonSets, Nodes, NodeClaims, PDBs, \
        PriorityClasses, PVCs/PVs/StorageClasses/CSINodes, NodePools, AKSNodeClasses and nodeplan catalog \
        files, solves, re-checks the plan with the independent validator, and prints it. \
        Example: nodeplan solve --region eastus nodepool.yaml deployment.yaml
        With --server HOST:PORT the snapshot is sent to a running `nodeplan serve` (token from \
        --token-file or NODEPLAN_TOKEN) and its plan is printed and re-checked here.
        Exit codes: 0 every pending pod placed; 1 some stay unschedulable; 2 bad input; 3 the validator \
        rejected the plan; 4 internal or server error.
        """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "Packing strategy: optimize (default) or karpenter (Karpenter's own greedy).")
    var strategy: SolverStrategy?

    @Option(name: .long, help: "Milliseconds the optimizing search may spend improving the plan (default: the snapshot's, 1000); it returns the best plan found by then.")
    var timeBudget: Int64?

    @Flag(name: .long, help: "Also plan consolidation (empty, drifted and underutilized nodes) after provisioning.")
    var consolidate = false

    @Flag(name: .long, help: "With --consolidate: let spot nodes be replaced by cheaper spot nodes (Karpenter's SpotToSpotConsolidation gate).")
    var spotToSpot = false

    @Option(name: [.short, .long], help: "Output format: table, json or yaml.")
    var output: OutputFormat = .table

    @Option(name: .long, help: "Also write a self-contained HTML report to this file.")
    var html: String?

    @Option(name: .long, help: "Colour the table: auto (only on a terminal), always, never.")
    var color: ColorMode = .auto

    @Option(name: .long, help: "Solve on a running `nodeplan serve` at HOST:PORT instead of in this process.")
    var server: String?

    @Option(name: .long, help: "With --server: seconds the server may take before DEADLINE_EXCEEDED.")
    var deadline: Double = 60

    @OptionGroup var token: TokenOptions

    @OptionGroup var tls: ClientTLSOptions

    func run() async throws {
        do {
            let (snapshot, instanceTypes) = try input.load()
            var options = snapshot.options
            if let strategy { options.strategy = strategy }
            if let timeBudget {
                guard timeBudget >= 0 else {
                    throw CommandFailure(status: ExitStatus.badInput, message: "--time-budget: must be 0 or more milliseconds")
                }
                options.timeBudgetMilliseconds = timeBudget
            }
            if consolidate { options.consolidate = true }
            if spotToSpot { options.spotToSpotConsolidation = true }
            let plan = try await solve(snapshot, options: options, instanceTypes: instanceTypes)
            let violations = PlanValidator.validate(snapshot: snapshot, instanceTypes: instanceTypes, plan: plan)

            switch output {
            case .table:
                let colors = color == .always || (color == .auto && Terminal.standardOutputIsTerminal)
                let summary = PlanSummary(snapshot: snapshot, plan: plan, instanceTypes: instanceTypes)
                print(PlanTextReport(summary: summary, colors: colors).render(), terminator: "")
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(PlanDocument(snapshot: snapshot, plan: plan)), as: UTF8.self))
            case .yaml:
                print(try YAMLEmitter.yaml(PlanDocument(snapshot: snapshot, plan: plan)), terminator: "")
            }
            if let html {
                let page = PlanHTMLReport(title: "nodeplan: \(input.files.first ?? input.snapshot ?? "plan")",
                                          snapshot: snapshot, plan: plan, instanceTypes: instanceTypes).render()
                do {
                    try page.write(toFile: html, atomically: true, encoding: .utf8)
                } catch {
                    throw CommandFailure(status: ExitStatus.internalError, message: "\(html): \(error.localizedDescription)")
                }
            }
            guard violations.isEmpty else {
                throw CommandFailure(status: ExitStatus.validationFailed, message: "the validator rejected the plan:\n"
                                     + violations.map { "  \($0)" }.joined(separator: "\n"))
            }
            if !plan.unschedulable.isEmpty { throw ExitStatus.unschedulablePods }
        } catch let failure as CommandFailure {
            throw failure.report()
        }
    }

    /// Solves in this process, or on the server named by `--server`.
    private func solve(_ snapshot: Snapshot, options: SolverOptions,
                       instanceTypes: [String: [InstanceType]]) async throws -> Plan {
        guard let server else {
            do {
                return try Planner(options: options).plan(snapshot: snapshot, instanceTypes: instanceTypes,
                                                         control: .continuous())
            } catch {
                throw CommandFailure(status: ExitStatus.badInput, message: error.description)
            }
        }
        guard let colon = server.lastIndex(of: ":"), let port = Int(server[server.index(after: colon)...]) else {
            throw CommandFailure(status: ExitStatus.badInput, message: "--server: expected HOST:PORT, got \(server)")
        }
        let host = String(server[..<colon])
        var request = snapshot
        request.options = options
        let client: NodePlanClient
        do {
            client = try await NodePlanClient.connect(host: host, port: port, token: try token.read(), connections: 1,
                                                      tls: tls.configuration)
        } catch let error as ValidationError {
            throw CommandFailure(status: ExitStatus.badInput, message: error.message)
        } catch {
            throw CommandFailure(status: ExitStatus.internalError, message: "\(server): \(error)")
        }
        do {
            let timeout = Duration.milliseconds(Int64(deadline * 1000))
            let plan = try await options.consolidate ? client.plan(request, deadline: timeout)
                : client.solve(request, deadline: timeout)
            await client.close()
            return plan
        } catch {
            await client.close()
            throw CommandFailure(status: ExitStatus.internalError, message: "\(server): \(error)")
        }
    }
}
