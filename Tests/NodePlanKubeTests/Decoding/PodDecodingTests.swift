import Testing
import NodePlanModel
@testable import NodePlanKube

@Suite struct PodDecodingTests {
    @Test func boundPodKeepsIdentityStateAndSharedAnnotationsOnly() throws {
        let snapshot = try Fixtures.snapshot()
        let pod = try #require(snapshot.pod("web-7d4b9c8f6d-x2x9k"))
        let spec = snapshot.spec(of: pod)
        #expect(pod.uid == "7f1c2d3e-aaaa-4bbb-8ccc-000000000001")
        #expect(pod.nodeName == "aks-general-x7k2p")
        #expect(pod.phase == .running)
        #expect(pod.createdAt == 1_795_166_102)
        #expect(pod.deletedAt == nil)
        #expect(pod.annotations == [WellKnownAnnotation.podDeletionCost: "-100"])
        #expect(spec.annotations == [WellKnownAnnotation.doNotDisrupt: "true"])
        #expect(spec.namespace == "shop")
        #expect(spec.labels == ["app": "web", "pod-template-hash": "7d4b9c8f6d"])
        #expect(spec.owner == OwnerReference(kind: "ReplicaSet", name: "web-7d4b9c8f6d"))
        #expect(spec.priority == 1000)
        #expect(spec.priorityClassName == "shop-high")
        #expect(spec.preemptionPolicy == "Never")
        #expect(spec.containers == [Container(name: "web", requests: [ResourceName.cpu: .millis(250),
                                                                      ResourceName.memory: .mebibytes(256)],
                                              limits: [ResourceName.memory: .mebibytes(512)])])
        #expect(spec.tolerations.count == 2)
        #expect(spec.tolerations[0] == Toleration(key: "node.kubernetes.io/not-ready", operator: .exists,
                                                  effect: .noExecute, tolerationSeconds: 300))
        #expect(spec.volumes.isEmpty)
    }

    @Test func pendingPodDecodesEverySchedulingConstraint() throws {
        let snapshot = try Fixtures.snapshot()
        let pod = try #require(snapshot.pod("analytics-0"))
        let spec = snapshot.spec(of: pod)
        #expect(pod.phase == .pending)
        #expect(pod.nodeName.isEmpty)

        let nodeAffinity = try #require(spec.affinity.nodeAffinity)
        #expect(nodeAffinity.required == [NodeSelectorTerm([
            NodeSelectorRequirement(key: WellKnownLabel.zone, operator: .in, values: ["eastus-1", "eastus-2"]),
            NodeSelectorRequirement(key: WellKnownLabel.azureSKUCPU, operator: .gt, values: ["3"]),
        ])])
        #expect(nodeAffinity.preferred == [PreferredSchedulingTerm(
            weight: 50, preference: NodeSelectorTerm([.in(WellKnownLabel.capacityType, "spot")]))])
        #expect(spec.affinity.podAntiAffinity?.required == [PodAffinityTerm(
            labelSelector: LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "app", operator: .in,
                                                                                     values: ["analytics"])]),
            topologyKey: WellKnownLabel.hostname)])
        let preferredAffinity = try #require(spec.affinity.podAffinity?.preferred.first)
        #expect(preferredAffinity.weight == 20)
        #expect(preferredAffinity.term.namespaceSelector == LabelSelector())
        #expect(preferredAffinity.term.labelSelector == LabelSelector(matchLabels: ["app": "web"]))

        #expect(spec.nodeSelector == [WellKnownLabel.os: "linux"])
        #expect(spec.tolerations == [
            Toleration(key: "nvidia.com/gpu", operator: .exists, effect: .noSchedule),
            Toleration(key: "dedicated", operator: .equal, value: "analytics"),
        ])
        #expect(spec.topologySpreadConstraints == [
            TopologySpreadConstraint(maxSkew: 1, topologyKey: WellKnownLabel.zone, whenUnsatisfiable: .doNotSchedule,
                                     labelSelector: LabelSelector(matchLabels: ["app": "analytics"]), minDomains: 3,
                                     nodeAffinityPolicy: .ignore, nodeTaintsPolicy: .honor,
                                     matchLabelKeys: ["pod-template-hash"]),
            TopologySpreadConstraint(maxSkew: 2, topologyKey: WellKnownLabel.hostname, whenUnsatisfiable: .scheduleAnyway,
                                     labelSelector: LabelSelector(matchLabels: ["app": "analytics"])),
        ])
        #expect(spec.initContainers.map(\.isSidecar) == [true, false])
        #expect(spec.containers[0].hostPorts == [HostPort(port: 9100)])
        #expect(spec.containers[0].requests[ResourceName.nvidiaGPU] == .units(1))
        #expect(spec.overhead == [ResourceName.cpu: .millis(50), ResourceName.memory: .mebibytes(64)])
        // Requests: max(app 2 CPU + sidecar 100m, init 1 CPU + sidecar) + overhead 50m.
        #expect(spec.effectiveRequests[ResourceName.cpu] == .millis(2150))
    }

    @Test func priorityComesFromTheClassWhenOnlyItsNameIsGiven() throws {
        let snapshot = try Fixtures.snapshot()
        let spec = try #require(snapshot.pod("analytics-0").map(snapshot.spec(of:)))
        #expect(spec.priority == 1000)
        #expect(spec.priorityClassName == "shop-high")
        #expect(spec.preemptionPolicy == "Never")
    }

    @Test func hostNetworkPodsBindTheirContainerPortsAndTerminatingPodsKeepTheirDeletionTime() throws {
        let snapshot = try Fixtures.snapshot()
        let pod = try #require(snapshot.pod("node-exporter-4kq8z"))
        #expect(pod.deletedAt == 1_795_169_100)
        #expect(pod.isTerminating)
        let spec = snapshot.spec(of: pod)
        #expect(spec.containers[0].hostPorts == [HostPort(port: 9101)])
        #expect(spec.owner == OwnerReference(kind: "DaemonSet", name: "node-exporter"))
        #expect(spec.priority == 2_000_001_000)
        #expect(spec.tolerations == [Toleration(operator: .exists)])
    }

    @Test func podLevelResourcesAndSchedulerNameAreKept() throws {
        let snapshot = try Fixtures.snapshot(text: """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: ns}
            spec:
              schedulerName: my-scheduler
              preemptionPolicy: Never
              priority: 7
              resources:
                limits: {cpu: "2"}
                requests: {memory: 1Gi}
              containers:
              - name: c
            status: {phase: Pending, nominatedNodeName: n1}
            """)
        let pod = try #require(snapshot.pods.first)
        let spec = snapshot.spec(of: pod)
        #expect(spec.schedulerName == "my-scheduler")
        #expect(spec.podLevelRequests == [ResourceName.cpu: .units(2), ResourceName.memory: .gibibytes(1)])
        #expect(spec.priority == 7)
        #expect(spec.preemptionPolicy == "Never")
        #expect(pod.nominatedNodeName == "n1")
    }

    /// The DaemonSet controller pins each of its pods with `matchFields` on `metadata.name`; real
    /// `kubectl get pods -o yaml` dumps are full of them.
    @Test func fieldSelectorOnTheNodeNameBecomesAHostnameRequirement() throws {
        let snapshot = try Fixtures.snapshot(text: """
            apiVersion: v1
            kind: Pod
            metadata:
              name: exporter-abcde
              namespace: monitoring
              ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: exporter, uid: u1, controller: true}]
            spec:
              containers: [{name: c}]
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                    - matchFields: [{key: metadata.name, operator: In, values: [aks-general-x7k2p]}]
            status: {phase: Pending}
            """)
        let spec = snapshot.spec(of: try #require(snapshot.pods.first))
        #expect(spec.affinity.nodeAffinity?.required == [NodeSelectorTerm([
            NodeSelectorRequirement(key: WellKnownLabel.hostname, operator: .in, values: ["aks-general-x7k2p"])])])
    }
}
