import NodePlanAgent
import NodePlanModel

/// The controllers a real cluster runs around the API server, reduced to what provisioning tests need:
/// the disruption controller (PDB status), a workload controller (a deleted pod owned by a controller comes
/// back as a new pending pod) and a scheduler (binds pending pods to Ready nodes that fit, the nominated
/// node first; marks the rest `PodScheduled=False/Unschedulable`).
struct ClusterControllers: Sendable {
    let store: ObjectStore
    let recreatesControlledPods: Bool
    let schedulesPods: Bool

    /// Runs a pass after every change until the store finishes.
    func run() async {
        var journalPosition = 0
        // A pod's requests never change: parse them once per uid.
        var requests: [String: ResourceList] = [:]
        for await _ in store.changes {
            if recreatesControlledPods { journalPosition = recreateDeletedPods(after: journalPosition) }
            store.refreshDisruptionBudgets()
            if schedulesPods { schedulePendingPods(requests: &requests) }
        }
    }

    /// Creates a replacement for every deleted pod that a controller owns, as its ReplicaSet would.
    private func recreateDeletedPods(after position: Int) -> Int {
        let (entries, next) = store.journal(after: position)
        for entry in entries where entry.resource == .pods && entry.type == .deleted {
            let old = entry.object
            guard let owner = old[["metadata", "ownerReferences"]]?.arrayValue?.first(where: {
                $0["controller"]?.boolValue == true
            }) else { continue }
            var spec = old["spec"] ?? [:]
            spec["nodeName"] = nil
            var metadata: JSONValue = ["generateName": .string("\(owner["name"]?.stringValue ?? "pod")-"),
                                       "namespace": .string(old.namespace),
                                       "labels": .strings(old.labels),
                                       "ownerReferences": [owner]]
            let annotations = old.annotations.filter { $0.key != AgentKeys.nominatedNode }
            if !annotations.isEmpty { metadata["annotations"] = .strings(annotations) }
            _ = try? store.create(.pods, namespace: old.namespace,
                                  ["metadata": metadata, "spec": spec, "status": ["phase": "Pending"]])
        }
        return next
    }

    private func schedulePendingPods(requests cache: inout [String: ResourceList]) {
        let nodes = store.list(.nodes).items.filter { $0.conditionIsTrue("Ready") && !$0.isDeleting }
        let claims = store.list(.nodeClaims).items
        var free: [String: ResourceList] = [:]
        for node in nodes { free[node.name] = node[["status", "allocatable"]]?.resourceList ?? ResourceList() }
        var pending: [JSONValue] = []
        var live: [String: ResourceList] = [:]
        for pod in store.list(.pods).items {
            let requests = cache[pod.uid] ?? podRequests(pod)
            live[pod.uid] = requests
            let nodeName = pod[["spec", "nodeName"]]?.stringValue ?? ""
            let phase = pod[["status", "phase"]]?.stringValue ?? ""
            if nodeName.isEmpty {
                if !pod.isDeleting { pending.append(pod) }
            } else if phase != "Succeeded" && phase != "Failed", free[nodeName] != nil {
                free[nodeName]!.subtract(requests)
            }
        }
        cache = live
        for pod in pending {
            let requests = live[pod.uid] ?? podRequests(pod)
            var candidates = nodes
            if let nominated = pod.annotations[AgentKeys.nominatedNode] {
                let nodeName = claims.first { $0.name == nominated }?[["status", "nodeName"]]?.stringValue ?? nominated
                candidates.sort { ($0.name == nodeName ? 0 : 1, $0.name) < ($1.name == nodeName ? 0 : 1, $1.name) }
            }
            let chosen = candidates.first { node in
                (free[node.name] ?? ResourceList()).fits(requests) && toleratesTaints(pod, node)
                    && matchesNodeSelector(pod, node)
            }
            if let chosen {
                do {
                    try store.bind(namespace: pod.namespace, name: pod.name, node: chosen.name)
                    free[chosen.name]!.subtract(requests)
                } catch {
                    continue
                }
            } else if pod.condition("PodScheduled")?["reason"]?.stringValue != "Unschedulable" {
                _ = try? store.patch(.pods, namespace: pod.namespace, name: pod.name, patch: [
                    "status": ["conditions": [["type": "PodScheduled", "status": "False", "reason": "Unschedulable",
                                               "message": .string("0/\(nodes.count) nodes are available")]]],
                ], subresource: "status")
            }
        }
    }
}
