import NodePlanAgent
import NodePlanModel

/// Builders for the objects tests and demos put into the simulated cluster.
public enum SimulatedObjects {
    /// Node annotation the simulated kubelet reads: taint keys it removes when the node becomes Ready.
    public static let startupTaintsAnnotation = "simulator.nodeplan.io/startup-taints"

    /// A pending pod with one container requesting `cpu` and `memory`, owned by `owner` (a ReplicaSet)
    /// when given, so that the simulated workload controller recreates it when it is evicted.
    public static func pod(name: String, namespace: String = "default", cpu: String, memory: String,
                           labels: [String: String] = [:], owner: String? = nil,
                           nodeSelector: [String: String] = [:]) -> JSONValue {
        var metadata: JSONValue = ["name": .string(name), "namespace": .string(namespace), "labels": .strings(labels)]
        if let owner {
            metadata["ownerReferences"] = [["apiVersion": "apps/v1", "kind": "ReplicaSet", "name": .string(owner),
                                            "uid": .string("uid-\(owner)"), "controller": true]]
        }
        var spec: JSONValue = [
            "containers": [["name": "app", "image": "registry.k8s.io/pause:3.10",
                            "resources": ["requests": ["cpu": .string(cpu), "memory": .string(memory)]]]],
        ]
        if !nodeSelector.isEmpty { spec["nodeSelector"] = .strings(nodeSelector) }
        return ["apiVersion": "v1", "kind": "Pod", "metadata": metadata, "spec": spec, "status": ["phase": "Pending"]]
    }

    /// A NodePool using `nodeClass`, with `requirements` and a consolidation policy.
    public static func nodePool(name: String = "default", nodeClass: String = "default",
                                requirements: [NodeSelectorRequirement] = [],
                                consolidationPolicy: String = "WhenEmptyOrUnderutilized",
                                budgets: [String] = ["100%"]) -> JSONValue {
        ["apiVersion": "karpenter.sh/v1", "kind": "NodePool", "metadata": ["name": .string(name)],
         "spec": [
             "template": ["spec": [
                 "requirements": .array(requirements.map(JSONValue.init)),
                 "nodeClassRef": ["group": "karpenter.azure.com", "kind": "AKSNodeClass", "name": .string(nodeClass)],
             ]],
             "disruption": ["consolidationPolicy": .string(consolidationPolicy), "consolidateAfter": "0s",
                            "budgets": .array(budgets.map { ["nodes": .string($0)] })],
         ]]
    }

    /// An AKSNodeClass with defaults.
    public static func nodeClass(name: String = "default") -> JSONValue {
        ["apiVersion": "karpenter.azure.com/v1beta1", "kind": "AKSNodeClass", "metadata": ["name": .string(name)],
         "spec": ["imageFamily": "Ubuntu2204"]]
    }

    /// A PodDisruptionBudget selecting `labels` with `minAvailable`.
    public static func podDisruptionBudget(name: String, namespace: String = "default", labels: [String: String],
                                           minAvailable: Int) -> JSONValue {
        ["apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
         "metadata": ["name": .string(name), "namespace": .string(namespace)],
         "spec": ["minAvailable": .number(Double(minAvailable)), "selector": ["matchLabels": .strings(labels)]]]
    }

    /// A Node as a kubelet registers it: labels, taints, capacity and allocatable, provider ID.
    public static func node(name: String, labels: [String: String], taints: [Taint] = [], startupTaints: [Taint] = [],
                            capacity: ResourceList, allocatable: ResourceList, providerID: String) -> JSONValue {
        var labels = labels
        labels[WellKnownLabel.hostname] = name
        var node: JSONValue = [
            "apiVersion": "v1", "kind": "Node", "metadata": ["name": .string(name), "labels": .strings(labels)],
            "spec": ["providerID": .string(providerID), "taints": .array((taints + startupTaints).map(JSONValue.init))],
            "status": ["capacity": JSONValue(capacity), "allocatable": JSONValue(allocatable),
                       "nodeInfo": ["kubeletVersion": "v1.33.2"]],
        ]
        if !startupTaints.isEmpty {
            node[["metadata", "annotations"]] = [startupTaintsAnnotation: .string(startupTaints.map(\.key).joined(separator: ","))]
        }
        return node
    }
}
