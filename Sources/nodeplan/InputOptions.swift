import ArgumentParser
import Foundation
import NodePlanCatalog
import NodePlanKube
import NodePlanModel

/// How a command reads its cluster: kubectl dumps, or a saved snapshot.
struct InputOptions: ParsableArguments {
    @Argument(help: "kubectl get -o yaml|json dumps: pods, workloads, nodes, DaemonSets, PDBs, NodePools, AKSNodeClasses, catalog files.")
    var files: [String] = []

    @Option(name: .long, help: "A snapshot file: .pb.zst, .pb (protobuf, as on the wire) or JSON, e.g. from `nodeplan gen`.")
    var snapshot: String?

    @Option(name: .long, help: "Azure region when the input does not say (node labels or a catalog file).")
    var region: String?

    @Option(name: .long, help: "Allocatable model: tax-brackets (Karpenter today) or aks-max-pods.")
    var overhead: OverheadModel?

    func validate() throws {
        guard snapshot != nil || !files.isEmpty else {
            throw ValidationError("give kubectl dump files or --snapshot FILE")
        }
    }

    /// Reads the snapshot and resolves each NodePool's instance types. With neither explicit
    /// instance types nor a catalog selection in the input, the built-in Azure catalog is used.
    func load() throws -> (snapshot: Snapshot, instanceTypes: [String: [InstanceType]]) {
        var snapshot: Snapshot
        if let path = self.snapshot {
            snapshot = try SnapshotFile.read(path)
        } else {
            var builder = SnapshotBuilder(cluster: Cluster(region: region ?? ""))
            do {
                for file in files { try builder.addFile(atPath: file) }
                snapshot = try builder.build()
            } catch {
                throw CommandFailure(status: ExitStatus.badInput, message: error.description)
            }
        }
        if let region { snapshot.cluster.region = region }
        if snapshot.instanceTypes.isEmpty && snapshot.catalog == nil {
            snapshot.catalog = CatalogSelection()
        }
        if let overhead { snapshot.catalog?.overheadModel = overhead }
        if let catalog = snapshot.catalog, catalog.region.isEmpty && snapshot.cluster.region.isEmpty {
            throw CommandFailure(status: ExitStatus.badInput,
                                 message: "no region: pass --region, or include nodes or a catalog file that name one")
        }
        do {
            let instanceTypes = try InstanceTypeResolver.builtIn().instanceTypes(for: snapshot)
            return (snapshot, instanceTypes)
        } catch {
            throw CommandFailure(status: ExitStatus.badInput, message: error.description)
        }
    }
}

extension OverheadModel: ExpressibleByArgument {}
extension SolverStrategy: ExpressibleByArgument {}

/// An error that ends a command with a message on stderr and a specific exit code.
struct CommandFailure: Error, CustomStringConvertible {
    var status: ExitCode
    var message: String
    var description: String { message }
}
