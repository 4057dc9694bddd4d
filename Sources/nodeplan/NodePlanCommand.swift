import ArgumentParser

/// The `nodeplan` command line: subcommands are added as their layers land.
@main
struct NodePlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nodeplan",
        abstract: "Node-provisioning solver for Kubernetes on Azure (Karpenter semantics).",
        subcommands: [ServeCommand.self]
    )
}
