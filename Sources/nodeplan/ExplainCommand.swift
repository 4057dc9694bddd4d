import ArgumentParser
import Foundation
import NodePlanModel
import NodePlanSolver

/// `nodeplan explain POD`: why a pod went where it went, or why it cannot be placed.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one pod's placement: the node, pool and SKU it got, or every pool's reason for refusing it.",
        discussion: "Example: nodeplan explain workshop/reports-pending-7 examples/workshop/azure-westus2.yaml examples/workshop/6-advanced-scheduling/*.yaml"
    )

    @Argument(help: "The pod: NAMESPACE/NAME, or NAME when it is unique.")
    var pod: String

    @OptionGroup var input: InputOptions

    func run() throws {
        do {
            let (snapshot, instanceTypes) = try input.load()
            let index = try findPod(in: snapshot)
            let plan: Plan
            do {
                plan = try Provisioner(options: snapshot.options).solve(snapshot: snapshot, instanceTypes: instanceTypes,
                                                                        control: .continuous())
            } catch {
                throw CommandFailure(status: ExitStatus.badInput, message: error.description)
            }
            print(Self.explanation(of: index, snapshot: snapshot, plan: plan), terminator: "")
            if plan.unschedulable.contains(where: { $0.pod == index }) { throw ExitStatus.unschedulablePods }
        } catch let failure as CommandFailure {
            throw failure.report()
        }
    }

    private func findPod(in snapshot: Snapshot) throws -> Int32 {
        let matches = snapshot.pods.indices.filter { index in
            let candidate = snapshot.pods[index]
            return candidate.name == pod || snapshot.spec(of: candidate).namespace + "/" + candidate.name == pod
        }
        guard matches.count == 1 else {
            let problem = matches.isEmpty ? "no pod named \(pod)" : "\(matches.count) pods are named \(pod); give NAMESPACE/NAME"
            throw CommandFailure(status: ExitStatus.badInput, message: problem)
        }
        return Int32(matches[0])
    }

    /// The text `explain` prints for the pod at `index`.
    static func explanation(of index: Int32, snapshot: Snapshot, plan: Plan) -> String {
        let pod = snapshot.pods[Int(index)]
        let spec = snapshot.spec(of: pod)
        var out = "Pod \(spec.namespace)/\(pod.name) (priority \(spec.priority), requests \(spec.effectiveRequests))\n"
        if let launch = plan.launches.first(where: { $0.pods.contains(index) }) {
            let choice = launch.choice
            out += "→ new node \(launch.name): NodePool \(launch.nodePool), \(choice.instanceType), zone \(choice.zone), "
                + "\(choice.capacityType.rawValue), $\(choice.price)/h, shared with \(launch.pods.count - 1) other pods\n"
            let pools = snapshot.nodePools.sorted { ($0.weight, $0.name) > ($1.weight, $1.name) }
            out += "  NodePools are tried by weight (ties: name descending): "
                + pools.map { "\($0.name) (\($0.weight))" }.joined(separator: ", ") + "; the first that can host the pod wins.\n"
            out += "  The node's requirements: "
                + launch.requirements.map { requirement in
                    let values = requirement.values.prefix(4).joined(separator: ",")
                        + (requirement.values.count > 4 ? ",… (\(requirement.values.count - 4) more)" : "")
                    return "\(requirement.key) \(requirement.operator.rawValue) \(values)"
                }.joined(separator: "; ") + "\n"
            if !launch.fallbacks.isEmpty {
                out += "  Fallbacks if the offering is unavailable: "
                    + launch.fallbacks.prefix(5).map { "\($0.instanceType) \($0.zone) \($0.capacityType.rawValue) $\($0.price)/h" }
                        .joined(separator: ", ") + "\n"
            }
        } else if let assignment = plan.assignments.first(where: { $0.pods.contains(index) }) {
            out += "→ existing node \(assignment.node): existing nodes are tried before new ones (initialized first, then by name).\n"
        } else if let refusal = plan.unschedulable.first(where: { $0.pod == index }) {
            out += "✗ unschedulable: \(refusal.reason)\n"
            for detail in refusal.details { out += "  - \(detail)\n" }
            for hint in hints(for: refusal.reason) { out += "  what would help: \(hint)\n" }
            if !refusal.preemptionCandidates.isEmpty {
                out += "  would fit if these lower-priority pods were preempted: "
                    + refusal.preemptionCandidates.map { snapshot.pods[Int($0)].name }.joined(separator: ", ") + "\n"
            }
        } else if pod.isBound {
            out += "→ already running on \(pod.nodeName); the plan leaves it there.\n"
        } else {
            out += "→ not considered for provisioning (DaemonSet, mirror, preempting or finished pod).\n"
        }
        return out
    }

    /// Changes that address the deciding constraint of a refusal (its first NodePool's reason).
    static func hints(for text: String) -> [String] {
        var hints: [String] = []
        if text.contains("limit on") { hints.append("raise the NodePool's limits (spec.limits), or free capacity in the pool") }
        if text.contains("taint") { hints.append("add a toleration for the pool's taint, or use a pool without it") }
        if text.contains("node affinity") || text.contains("requires") {
            hints.append("relax the pod's nodeSelector / required node affinity, or add a NodePool whose requirements allow it")
        }
        if text.contains("too small") || text.contains("no instance type") {
            hints.append("lower the pod's requests, or allow larger SKUs in the NodePool's requirements")
        }
        if text.contains("spread") || text.contains("skew") { hints.append("raise maxSkew or allow more topology domains") }
        if text.contains("affinity") && text.contains("pod") { hints.append("check the pod (anti-)affinity selectors match running pods") }
        return hints
    }
}
