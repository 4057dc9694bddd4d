import ArgumentParser

/// The `nodeplan` command line.
@main
struct NodePlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nodeplan",
        abstract: "Node-provisioning solver for Kubernetes on Azure (Karpenter semantics).",
        discussion: """
        Exit codes: 0 success; 1 the plan leaves pods unschedulable; 2 bad input (a file, field or snapshot); \
        3 the independent validator found a violation; 4 internal or server error; 64 usage error (unknown \
        option, invalid or missing value).
        """,
        subcommands: [SolveCommand.self, ExplainCommand.self, ValidateCommand.self, GenerateCommand.self, ServeCommand.self,
                      LoadCommand.self, CompareCommand.self, BenchCommand.self, AgentCommand.self]
    )
}
