import Testing
import NodePlanModel
@testable import NodePlanKube

@Suite struct NodeDecodingTests {
    @Test func managedNodeFromJSONWithCSILimitsAndNodeClaimStartupTaints() throws {
        let snapshot = try Fixtures.snapshot()
        let node = try #require(snapshot.node("aks-general-x7k2p"))
        #expect(node.nodePool == "general")
        #expect(node.instanceType == "Standard_D4s_v5")
        #expect(node.registered && node.initialized && node.ready)
        #expect(!node.markedForDeletion)
        #expect(node.price == nil)
        #expect(node.createdAt == 1_795_165_800)
        #expect(node.taints == [Taint(key: "dedicated", value: "general", effect: .noSchedule)])
        #expect(node.startupTaints == [Taint(key: "node.cilium.io/agent-not-ready", value: "true", effect: .noSchedule)])
        #expect(node.capacity[ResourceName.cpu] == .units(4))
        #expect(node.capacity[ResourceName.memory] == .kibibytes(16_370_884))
        #expect(node.capacity[ResourceName.ephemeralStorage] == .units(129_886_128))
        #expect(node.allocatable[ResourceName.cpu] == .millis(3860))
        #expect(node.allocatable[ResourceName.pods] == .units(110))
        #expect(node.volumeLimits == ["disk.csi.azure.com": 8])
        #expect(node.annotations["karpenter.azure.com/aksnodeclass-hash"] == "1234567890")
    }

    @Test func cordonedUnmanagedNodeGetsTheUnschedulableTaint() throws {
        let node = try #require(try Fixtures.snapshot().node("aks-system-12345678-vmss000000"))
        #expect(node.nodePool.isEmpty)
        #expect(node.initialized)
        #expect(!node.ready)
        #expect(node.taints == [Taint(key: "node.kubernetes.io/unschedulable", effect: .noSchedule)])
    }

    @Test func nodeClaimWithoutNodeBecomesAnInFlightNode() throws {
        let snapshot = try Fixtures.snapshot()
        let node = try #require(snapshot.node("general-q9w8e"))
        #expect(!node.registered && !node.initialized && !node.ready)
        #expect(node.nodePool == "general")
        #expect(node.instanceType == "Standard_E8s_v5")
        #expect(node.labels[WellKnownLabel.zone] == "westeurope-2")
        #expect(node.labels[WellKnownLabel.azureSKUFamily] == "E")
        #expect(node.labels[WellKnownLabel.capacityType] == nil)
        #expect(node.capacity[ResourceName.memory] == .gibibytes(64))
        #expect(node.allocatable[ResourceName.cpu] == .millis(7820))
        #expect(node.createdAt == 1_795_168_860)
        #expect(snapshot.nodes.filter { $0.name == "general-x7k2p" || $0.name == "aks-general-x7k2p" }.count == 1)
    }

    @Test func deletionTimestampOrDisruptedTaintMarksForDeletion() throws {
        let snapshot = try Fixtures.snapshot(text: """
            apiVersion: v1
            kind: Node
            metadata: {name: a, deletionTimestamp: "2026-01-01T00:00:00Z"}
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: b}
            spec:
              taints: [{key: karpenter.sh/disrupted, effect: NoSchedule}]
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: c}
            """)
        #expect(snapshot.nodes.map(\.markedForDeletion) == [true, true, false])
    }

    @Test func deletingNodeClaimMarksItsNodeAndNamesTheInFlightNodeAfterStatus() throws {
        let snapshot = try Fixtures.snapshot(text: """
            apiVersion: v1
            kind: Node
            metadata: {name: node-a, labels: {karpenter.sh/nodepool: p, karpenter.sh/initialized: "true"}}
            ---
            apiVersion: karpenter.sh/v1
            kind: NodeClaim
            metadata: {name: p-a, deletionTimestamp: "2026-01-01T00:00:00Z"}
            spec: {nodeClassRef: {name: default}}
            status: {nodeName: node-a}
            ---
            apiVersion: karpenter.sh/v1
            kind: NodeClaim
            metadata: {name: p-b, labels: {karpenter.sh/nodepool: p}}
            spec: {nodeClassRef: {name: default}, startupTaints: [{key: s, effect: NoSchedule}]}
            status: {nodeName: node-b}
            """)
        #expect(snapshot.nodes.map(\.name) == ["node-a", "node-b"])
        #expect(snapshot.nodes[0].markedForDeletion)
        #expect(snapshot.nodes[0].initialized)
        #expect(!snapshot.nodes[1].registered)
        #expect(snapshot.nodes[1].startupTaints == [Taint(key: "s", effect: .noSchedule)])
    }
}
