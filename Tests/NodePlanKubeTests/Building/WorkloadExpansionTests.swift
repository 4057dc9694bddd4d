import Testing
import NodePlanModel
@testable import NodePlanKube

@Suite struct WorkloadExpansionTests {
    @Test func deploymentCountsPodsOfItsReplicaSetAndAddsTheMissingOnes() throws {
        let snapshot = try Fixtures.snapshot()
        let pending = snapshot.pods.filter { $0.name.hasPrefix("web-pending-") }
        #expect(pending.map(\.name) == ["web-pending-0", "web-pending-1"])
        #expect(pending.allSatisfy { $0.phase == .pending && !$0.isBound })
        // Made from the newest ReplicaSet's template plus admission defaults: the running pod's shape.
        let running = try #require(snapshot.pod("web-7d4b9c8f6d-x2x9k"))
        #expect(pending.allSatisfy { $0.spec == running.spec })
        let spec = snapshot.spec(of: pending[0])
        #expect(spec.owner == OwnerReference(kind: "ReplicaSet", name: "web-7d4b9c8f6d"))
        #expect(spec.labels == ["app": "web", "pod-template-hash": "7d4b9c8f6d"])
        #expect(spec.annotations == [WellKnownAnnotation.doNotDisrupt: "true"])
        #expect(spec.priority == 1000)
        // The ReplicaSet belongs to the Deployment, so it adds no pods of its own.
        #expect(!snapshot.pods.contains { $0.name.hasPrefix("web-7d4b9c8f6d-pending") })
    }

    @Test func deploymentOwnsPodsOfReplicaSetsNamedAfterItWhenTheReplicaSetIsAbsent() throws {
        let withDeployment = try Fixtures.snapshot(text: """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              replicas: 2
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web-abc123-zzzzz
              namespace: shop
              labels: {app: web, pod-template-hash: abc123}
              ownerReferences: [{kind: ReplicaSet, name: web-abc123, controller: true}]
            spec: {containers: [{name: web}], nodeName: n1}
            status: {phase: Running}
            """)
        #expect(withDeployment.pods.map(\.name) == ["web-abc123-zzzzz", "web-pending-0"])
        let pending = withDeployment.spec(of: withDeployment.pods[1])
        #expect(pending.owner == OwnerReference(kind: "Deployment", name: "web"))
        #expect(pending.tolerations.map(\.key) == ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"])
    }

    @Test func standaloneReplicaSetExpandsItself() throws {
        let snapshot = try Fixtures.snapshot(text: """
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata: {name: rs, namespace: default}
            spec:
              replicas: 3
              template:
                spec: {containers: [{name: c}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: rs-1
              ownerReferences: [{kind: ReplicaSet, name: rs, controller: true}]
            spec: {containers: [{name: c}]}
            status: {phase: Pending}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: rs-2
              ownerReferences: [{kind: ReplicaSet, name: rs, controller: true}]
            spec: {containers: [{name: c}]}
            status: {phase: Succeeded}
            """)
        #expect(snapshot.pods.map(\.name) == ["rs-1", "rs-2", "rs-pending-0", "rs-pending-1"])
    }

    @Test func statefulSetCreatesMissingOrdinalsWithTheirClaims() throws {
        let snapshot = try Fixtures.snapshot()
        let db0 = try #require(snapshot.pod("db-0"))
        let db1 = try #require(snapshot.pod("db-1"))
        #expect(db0.spec != db1.spec)
        let spec0 = snapshot.spec(of: db0)
        let spec1 = snapshot.spec(of: db1)
        #expect(spec0.labels == ["app": "db", "statefulset.kubernetes.io/pod-name": "db-0", "apps.kubernetes.io/pod-index": "0"])
        // db-0's claim is bound to a PV that may live in either of two zones.
        #expect(spec0.volumes.topologyAlternatives == [
            [.in("topology.disk.csi.azure.com/zone", "westeurope-3")],
            [.in("topology.disk.csi.azure.com/zone", "westeurope-1")],
        ])
        // db-1's claim does not exist yet: the WaitForFirstConsumer class's allowed topologies apply.
        #expect(spec1.volumes.topologyAlternatives == [
            [NodeSelectorRequirement(key: "topology.disk.csi.azure.com/zone", operator: .in,
                                     values: ["westeurope-1", "westeurope-2"])],
        ])
        #expect(spec1.volumes.attachments == ["disk.csi.azure.com": 1])
    }

    @Test func statefulSetSkipsOrdinalsThatExist() throws {
        let snapshot = try Fixtures.snapshot(text: """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: s, namespace: default}
            spec:
              replicas: 3
              template:
                spec: {containers: [{name: c}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: s-1
              ownerReferences: [{kind: StatefulSet, name: s, controller: true}]
            spec: {containers: [{name: c}], nodeName: n}
            status: {phase: Running}
            """)
        #expect(snapshot.pods.map(\.name) == ["s-1", "s-0", "s-2"])
    }

    @Test func jobRunsParallelismBoundedByRemainingCompletions() throws {
        let snapshot = try Fixtures.snapshot()
        let etl = snapshot.pods.filter { $0.name.hasPrefix("etl-") }
        #expect(etl.map(\.name) == ["etl-pending-0", "etl-pending-1", "etl-pending-2"])
        #expect(Set(etl.map(\.spec)).count == 1)
        let spec = snapshot.spec(of: etl[0])
        #expect(spec.namespace == "batch")
        #expect(spec.priorityClassName == "default-low")
        #expect(spec.priority == 10)
    }

    @Test(arguments: [
        ("parallelism: 4", "", 4),
        ("parallelism: 4\n  completions: 2", "", 2),
        ("parallelism: 2\n  suspend: true", "", 0),
        ("parallelism: 3", "succeeded: 1", 0),
        ("parallelism: 3\n  completions: 10", "conditions: [{type: Complete, status: \"True\"}]", 0),
    ])
    func jobPodCount(spec: String, status: String, expected: Int) throws {
        let snapshot = try Fixtures.snapshot(text: """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: j}
            spec:
              \(spec)
              template:
                spec: {containers: [{name: c}], restartPolicy: Never}
            status: {\(status)}
            """)
        #expect(snapshot.pods.count == expected)
    }

    @Test func deploymentFromJSONWithNumericQuantities() throws {
        let snapshot = try Fixtures.snapshot(["deployment.json"])
        #expect(snapshot.pods.map(\.name) == ["api-pending-0", "api-pending-1"])
        let spec = snapshot.spec(of: snapshot.pods[0])
        #expect(spec.containers[0].requests[ResourceName.cpu] == .millis(500))
        #expect(spec.containers[0].limits[ResourceName.cpu] == .units(1))
        #expect(spec.nodeSelector == [WellKnownLabel.zone: "westeurope-3"])
        #expect(spec.priority == 5)
        #expect(spec.priorityClassName.isEmpty)
    }

    @Test func daemonSetTemplateIsResolved() throws {
        let daemonSet = try #require(try Fixtures.snapshot().daemonSets.first)
        #expect(daemonSet.namespace == "monitoring")
        #expect(daemonSet.template.priority == 2_000_001_000)
        #expect(daemonSet.template.containers[0].hostPorts == [HostPort(port: 9101)])
        #expect(daemonSet.template.owner == OwnerReference(kind: "DaemonSet", name: "node-exporter"))
    }
}
