import Testing
import NodePlanModel
@testable import NodePlanKube

@Suite struct KarpenterDecodingTests {
    @Test func nodePoolDecodesTheWholeV1Spec() throws {
        let pool = try #require(try Fixtures.snapshot(["karpenter.yaml"]).nodePools.first)
        #expect(pool.name == "general")
        #expect(pool.weight == 50)
        #expect(pool.labels == ["workload": "general"])
        #expect(pool.annotations == ["team": "platform"])
        #expect(pool.taints == [Taint(key: "dedicated", value: "general", effect: .noSchedule)])
        #expect(pool.startupTaints == [Taint(key: "node.cilium.io/agent-not-ready", value: "true", effect: .noSchedule)])
        #expect(pool.requirements == [
            .in(WellKnownLabel.arch, "amd64"),
            NodeSelectorRequirement(key: WellKnownLabel.capacityType, operator: .in, values: ["on-demand", "spot"]),
            NodeSelectorRequirement(key: WellKnownLabel.azureSKUFamily, operator: .in, values: ["D", "E", "F"], minValues: 2),
            NodeSelectorRequirement(key: WellKnownLabel.azureSKUCPU, operator: .lte, values: ["32"]),
            NodeSelectorRequirement(key: WellKnownLabel.os, operator: .exists),
        ])
        #expect(pool.nodeClass == "default")
        #expect(pool.expireAfterSeconds == 2_592_000)
        #expect(pool.terminationGracePeriodSeconds == 172_800)
        #expect(pool.disruption.consolidationPolicy == .whenEmptyOrUnderutilized)
        #expect(pool.disruption.consolidateAfterSeconds == 5400)
        #expect(pool.disruption.budgets == [
            DisruptionBudget(nodes: "10%"),
            DisruptionBudget(nodes: "0", schedule: "0 9 * * mon-fri", durationSeconds: 8 * 3600,
                             reasons: [.underutilized, .drifted]),
        ])
        #expect(pool.limits == [ResourceName.cpu: .units(1000), ResourceName.memory: .gibibytes(4000),
                                ResourceName.nodes: .units(50)])
        #expect(pool.replicas == nil)
    }

    @Test func staticNodePoolWithNeverDurations() throws {
        let pool = try #require(try Fixtures.snapshot(["karpenter.yaml"]).nodePools.last)
        #expect(pool.replicas == 2)
        #expect(pool.weight == 0)
        #expect(pool.expireAfterSeconds == nil)
        #expect(pool.disruption.consolidateAfterSeconds == nil)
        #expect(pool.disruption.consolidationPolicy == .whenEmpty)
        #expect(pool.disruption.budgets == [DisruptionBudget(nodes: "10%")])
        #expect(pool.nodeClass == "gpu")
    }

    @Test func aksNodeClassV1beta1() throws {
        let nodeClass = try #require(try Fixtures.snapshot(["karpenter.yaml"]).nodeClasses.first)
        #expect(nodeClass == AKSNodeClass(
            name: "default", imageFamily: .azureLinux, osDiskSizeGB: 64, maxPods: 50, tags: ["cost-center": "42"],
            vnetSubnetID: "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/nodes",
            fipsMode: false, encryptionAtHost: true, trustedLaunch: false, gpuMode: .driver, artifactStreaming: true,
            localDNS: true,
            kubelet: ["cpuManagerPolicy": "static", "imageGCHighThresholdPercent": "85",
                      "allowedUnsafeSysctls": "net.core.somaxconn,kernel.msg*"]))
    }

    @Test func aksNodeClassV1alpha2Defaults() throws {
        let nodeClass = try #require(try Fixtures.snapshot(["karpenter.yaml"]).nodeClasses.last)
        #expect(nodeClass == AKSNodeClass(name: "gpu", trustedLaunch: true, gpuMode: .none))
    }

    @Test func fipsModeEnables() throws {
        let snapshot = try Fixtures.snapshot(text: """
            apiVersion: karpenter.azure.com/v1beta1
            kind: AKSNodeClass
            metadata: {name: fips}
            spec: {fipsMode: FIPS, imageFamily: AzureLinux, localDNS: {mode: Disabled}}
            """)
        #expect(snapshot.nodeClasses.first?.fipsMode == true)
        #expect(snapshot.nodeClasses.first?.localDNS == false)
    }
}
