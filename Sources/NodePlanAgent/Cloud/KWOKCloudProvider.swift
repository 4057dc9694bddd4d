import Foundation
import NodePlanModel

/// A cloud of fake nodes, as KWOK provides: "launching" creates a Ready Node object through the Kubernetes
/// API with the instance type's capacity; deleting deletes it. Every instance is a Node labelled with its
/// NodeClaim, so the provider keeps no state of its own. For trying the agent on a test cluster without
/// spending money; the Azure provider replaces it in production.
public struct KWOKCloudProvider: CloudProvider {
    /// Node label naming the NodeClaim a fake node belongs to.
    public static let nodeClaimLabel = "nodeplan.io/kwok-nodeclaim"

    public var kube: KubeClient
    public var region: String
    private let instanceTypes: [String: InstanceType]

    public init(kube: KubeClient, instanceTypes: [InstanceType], region: String) {
        self.kube = kube
        self.region = region
        self.instanceTypes = Dictionary(instanceTypes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func create(_ request: InstanceRequest) async throws -> CloudInstance {
        let name = "aks-\(request.nodeClaim)"
        if let existing = try await kube.get(.nodes, name: name), let instance = instance(existing) { return instance }
        guard let option = request.offerings.first(where: { instanceTypes[$0.instanceType] != nil }),
              let type = instanceTypes[option.instanceType] else {
            throw CloudProviderError.insufficientCapacity(nodeClaim: request.nodeClaim,
                                                          reason: "no offered instance type is in the catalog")
        }
        var labels = request.labels
        labels[Self.nodeClaimLabel] = request.nodeClaim
        labels[WellKnownLabel.nodePool] = request.nodePool
        labels[WellKnownLabel.instanceType] = option.instanceType
        labels[WellKnownLabel.zone] = option.zone
        labels[WellKnownLabel.region] = region
        labels[WellKnownLabel.capacityType] = option.capacityType.rawValue
        labels[WellKnownLabel.hostname] = name
        labels["type"] = "kwok"
        let node: JSONValue = [
            "metadata": ["name": .string(name), "labels": .strings(labels),
                         "annotations": ["kwok.x-k8s.io/node": "fake"]],
            "spec": ["providerID": .string("kwok://\(name)"), "taints": .array(request.taints.map(JSONValue.init))],
            "status": ["capacity": JSONValue(type.capacity), "allocatable": JSONValue(type.allocatable),
                       "conditions": [["type": "Ready", "status": "True", "reason": "KubeletReady"]]],
        ]
        let created = try await kube.create(.nodes, node)
        guard let instance = instance(created) else {
            throw KubeAPIError(code: 500, reason: "InternalError", message: "created node \(name) lacks its labels")
        }
        return instance
    }

    public func delete(nodeClaim: String) async throws {
        try await kube.delete(.nodes, name: "aks-\(nodeClaim)")
    }

    public func list() async throws -> [CloudInstance] {
        try await kube.list(.nodes).items.compactMap(instance)
    }

    public func unavailableOfferings() async -> [UnavailableOffering] { [] }

    private func instance(_ node: JSONValue) -> CloudInstance? {
        let labels = node.labels
        guard let claim = labels[Self.nodeClaimLabel], let type = labels[WellKnownLabel.instanceType],
              let capacityType = CapacityType(rawValue: labels[WellKnownLabel.capacityType] ?? "") else { return nil }
        let created = (node[["metadata", "creationTimestamp"]]?.stringValue).flatMap {
            try? Date($0, strategy: .iso8601)
        }?.timeIntervalSince1970 ?? 0
        return CloudInstance(nodeClaim: claim, providerID: node[["spec", "providerID"]]?.stringValue ?? "",
                             instanceType: type, zone: labels[WellKnownLabel.zone] ?? "", capacityType: capacityType,
                             capacity: node[["status", "capacity"]]?.resourceList ?? ResourceList(),
                             allocatable: node[["status", "allocatable"]]?.resourceList ?? ResourceList(),
                             createdAt: created)
    }
}
