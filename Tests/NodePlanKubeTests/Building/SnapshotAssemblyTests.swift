import Testing
import NodePlanModel
@testable import NodePlanKube

@Suite struct VolumeTopologyTests {
    @Test func boundAndEphemeralClaimsCombine() throws {
        let snapshot = try Fixtures.snapshot()
        let spec = try #require(snapshot.pod("analytics-0").map(snapshot.spec(of:)))
        #expect(spec.volumes.topologyAlternatives == [[
            .in("topology.disk.csi.azure.com/zone", "westeurope-2"),
            NodeSelectorRequirement(key: "topology.disk.csi.azure.com/zone", operator: .in,
                                    values: ["westeurope-1", "westeurope-2"]),
        ]])
        #expect(spec.volumes.attachments == ["disk.csi.azure.com": 2])
    }

    @Test func immediateClassesConstrainNothingButStillAttach() throws {
        let snapshot = try Fixtures.snapshot(text: """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: files}
            provisioner: file.csi.azure.com
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: shared}
            spec: {storageClassName: files}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: classless}
            spec: {storageClassName: ""}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers: [{name: c}]
              volumes:
              - {name: a, persistentVolumeClaim: {claimName: shared}}
              - {name: b, persistentVolumeClaim: {claimName: classless}}
              - {name: c, persistentVolumeClaim: {claimName: missing}}
            """)
        let volumes = snapshot.spec(of: snapshot.pods[0]).volumes
        #expect(volumes.topologyAlternatives.isEmpty)
        #expect(volumes.attachments == ["file.csi.azure.com": 1])
    }

    @Test func localVolumeHostnameAffinityIsIgnored() throws {
        let snapshot = try Fixtures.snapshot(text: """
            apiVersion: v1
            kind: PersistentVolume
            metadata: {name: local-1}
            spec:
              local: {path: /mnt/disks/1}
              nodeAffinity:
                required:
                  nodeSelectorTerms:
                  - matchExpressions:
                    - {key: kubernetes.io/hostname, operator: In, values: [node-a]}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data}
            spec: {volumeName: local-1}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers: [{name: c}]
              volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]
            """)
        #expect(snapshot.spec(of: snapshot.pods[0]).volumes.isEmpty)
    }
}

@Suite struct PriorityResolutionTests {
    @Test func globalDefaultAppliesToPodsWithoutPriority() throws {
        let snapshot = try Fixtures.snapshot(text: """
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: low}
            value: -5
            globalDefault: true
            preemptionPolicy: Never
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: a}
            spec: {containers: [{name: c}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: b}
            spec: {containers: [{name: c}], priorityClassName: system-cluster-critical}
            """)
        let a = snapshot.spec(of: snapshot.pods[0])
        let b = snapshot.spec(of: snapshot.pods[1])
        #expect(a.priority == -5)
        #expect(a.priorityClassName == "low")
        #expect(a.preemptionPolicy == "Never")
        #expect(b.priority == 2_000_000_000)
        #expect(snapshot.priorityClasses.map(\.name) == ["low"])
    }

    @Test func explicitPriorityWinsOverAnUnknownClass() throws {
        let snapshot = try Fixtures.snapshot(text: """
            apiVersion: v1
            kind: Pod
            metadata: {name: a}
            spec: {containers: [{name: c}], priority: 42, priorityClassName: gone}
            """)
        #expect(snapshot.spec(of: snapshot.pods[0]).priority == 42)
    }
}

@Suite struct SnapshotAssemblyTests {
    @Test func equalPodsShareOneSpec() throws {
        var text = ""
        for index in 0..<200 {
            text += """
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: p\(index), namespace: ns, uid: u\(index), labels: {app: x}, annotations: {cni/ip: "10.0.0.\(index)"}}
                spec:
                  containers: [{name: c, resources: {requests: {cpu: \(index % 2 == 0 ? "1" : "1000m")}}}]
                  nodeName: node-\(index % 7)
                status: {phase: Running}

                """
        }
        text += """
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: other, namespace: ns, labels: {app: y}}
            spec: {containers: [{name: c}]}

            """
        let snapshot = try Fixtures.snapshot(text: text)
        #expect(snapshot.pods.count == 201)
        #expect(snapshot.podSpecs.count == 2)
        #expect(snapshot.pods.prefix(200).allSatisfy { $0.spec == 0 })
        #expect(snapshot.pods[200].spec == 1)
        #expect(snapshot.pods[13].nodeName == "node-6")
        #expect(snapshot.pods[13].uid == "u13")
    }

    @Test func clusterFactsComeFromNodesAndTimestamps() throws {
        let snapshot = try Fixtures.snapshot(cluster: Cluster(name: "prod", region: "eastus", kubernetesVersion: "1.30"))
        #expect(snapshot.cluster.name == "prod")
        #expect(snapshot.cluster.region == "westeurope")
        #expect(snapshot.cluster.kubernetesVersion == "1.32")
        #expect(snapshot.cluster.now == 1_795_169_100)
        let pending = try #require(snapshot.pod("web-pending-0"))
        #expect(pending.createdAt == snapshot.cluster.now)

        let given = try Fixtures.snapshot(["karpenter.yaml"], cluster: Cluster(region: "eastus", now: 5))
        #expect(given.cluster.region == "eastus")
        #expect(given.cluster.now == 5)
    }

    @Test func disruptionBudgetsNamespacesAndCatalog() throws {
        let snapshot = try Fixtures.snapshot()
        #expect(snapshot.podDisruptionBudgets == [PodDisruptionBudget(
            name: "web", namespace: "shop",
            selector: LabelSelector(matchLabels: ["app": "web"],
                                    matchExpressions: [LabelSelectorRequirement(key: "tier", operator: .notIn,
                                                                                values: ["canary"])]),
            maxUnavailable: "25%", disruptionsAllowed: 0)])
        #expect(snapshot.namespaces == [Namespace(name: "shop", labels: ["kubernetes.io/metadata.name": "shop",
                                                                        "team": "storefront"])])
        #expect(snapshot.priorityClasses == [PriorityClass(name: "shop-high", value: 1000, preemptionPolicy: "Never"),
                                             PriorityClass(name: "default-low", value: 10, globalDefault: true)])
    }

    @Test func listsAndMultipleDocumentsMixFreely() throws {
        let snapshot = try Fixtures.snapshot(text: """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Namespace
              metadata: {name: a}
            - apiVersion: v1
              kind: NamespaceList
              items:
              - apiVersion: v1
                kind: Namespace
                metadata: {name: b}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: c}
            """)
        #expect(snapshot.namespaces.map(\.name) == ["a", "b", "c"])
    }
}

@Suite struct FormatEquivalenceTests {
    /// The JSON fixtures hold the same objects as the YAML ones (as `kubectl -o json` prints them),
    /// so every kind is read from both formats and must give the same snapshot.
    @Test func jsonAndYAMLGiveTheSameSnapshot() throws {
        let names = ["pods", "workloads", "cluster", "csinodes", "storage", "karpenter", "catalog"]
        let fromYAML = try Fixtures.snapshot(names.map { $0 + ".yaml" } + ["nodes.json"])
        let fromJSON = try Fixtures.snapshot(names.map { "json/\($0).json" } + ["nodes.json"])
        #expect(fromJSON == fromYAML)
        #expect(fromJSON.pods.count == 10)
    }
}
