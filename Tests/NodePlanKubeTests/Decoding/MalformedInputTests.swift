import Testing
@testable import NodePlanKube

/// Bad input must be reported with the file, the line, the object, the field path and the reason.
@Suite struct MalformedInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        /// Substrings the error text must contain.
        var expected: [String]
        var testDescription: String { name }
    }

    static let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\n"
    static let nodePoolHeader = """
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata: {name: default}
        spec:
          template:
            spec:
              nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default}

        """

    static let cases: [Case] = [
        Case(name: "bad quantity", yaml: pod + """
            spec:
              containers:
              - name: c
                resources: {requests: {cpu: 2x}}
            """, expected: ["bad.yaml:7:", "Pod shop/web", "spec.containers[0].resources.requests.cpu",
                            "invalid quantity \"2x\""]),
        Case(name: "wrong NodePool operator", yaml: nodePoolHeader + """
                  requirements:
                  - {key: kubernetes.io/arch, operator: In, values: [amd64]}
                  - {key: karpenter.sh/capacity-type, operator: In, values: [spot]}
                  - {key: karpenter.azure.com/sku-family, operator: Inn, values: [D]}
            """, expected: ["bad.yaml:11:", "NodePool default", "spec.template.spec.requirements[2].operator",
                            "unknown value \"Inn\""]),
        Case(name: "matchFields on a field other than metadata.name", yaml: pod + """
            spec:
              containers: [{name: c}]
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                    - matchFields: [{key: spec.unschedulable, operator: In, values: ["false"]}]
            """, expected: ["nodeSelectorTerms[0].matchFields[0].key", "unsupported field selector key",
                            "only metadata.name"]),
        Case(name: "matchFields with Exists", yaml: pod + """
            spec:
              containers: [{name: c}]
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                    - matchFields: [{key: metadata.name, operator: Exists}]
            """, expected: ["nodeSelectorTerms[0].matchFields[0].operator", "unknown value \"Exists\""]),
        Case(name: "misspelt pod spec field", yaml: pod + """
            spec:
              containers: [{name: c}]
              nodeSelecter: {disk: ssd}
            """, expected: ["bad.yaml:6:3", "spec.nodeSelecter", "unknown field \"nodeSelecter\"",
                            "did you mean \"nodeSelector\"?"]),
        Case(name: "misspelt tolerations in a template", yaml: """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                spec:
                  containers: [{name: c}]
                  tolerationz: []
            """, expected: ["Deployment shop/web", "spec.template.spec.tolerationz", "did you mean \"tolerations\"?"]),
        Case(name: "unknown toleration field", yaml: pod + """
            spec:
              containers: [{name: c}]
              tolerations: [{key: a, operater: Exists}]
            """, expected: ["spec.tolerations[0].operater", "unknown field", "did you mean \"operator\"?"]),
        Case(name: "error inside a List", yaml: """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Namespace
              metadata: {name: fine}
            - apiVersion: v1
              kind: Pod
              metadata: {name: web, namespace: shop}
              spec:
                containers: [{name: c, resources: {limits: {memory: 1Gb}}}]
            """, expected: ["bad.yaml:11:", "Pod shop/web: spec.containers[0].resources.limits.memory: invalid quantity \"1Gb\""]),
        Case(name: "wrong type", yaml: pod + """
            spec:
              containers: nginx
            """, expected: ["spec.containers", "expected a list, found a scalar"]),
        Case(name: "missing name", yaml: """
            apiVersion: v1
            kind: Namespace
            metadata: {labels: {a: b}}
            """, expected: ["bad.yaml:3:", "Namespace", "metadata.name", "required field is missing"]),
        Case(name: "negative replicas", yaml: """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              replicas: -1
              template: {spec: {containers: [{name: c}]}}
            """, expected: ["bad.yaml:5:13", "StatefulSet default/db", "spec.replicas", "must not be negative, found -1"]),
        Case(name: "bad duration", yaml: nodePoolHeader + """
                  expireAfter: 30d
            """, expected: ["spec.template.spec.expireAfter", "invalid duration \"30d\""]),
        Case(name: "bad taint effect", yaml: nodePoolHeader + """
                  taints: [{key: dedicated, value: gpu, effect: NoScheduleNow}]
            """, expected: ["spec.template.spec.taints[0].effect", "unknown value \"NoScheduleNow\"", "\"NoExecute\""]),
        Case(name: "invalid YAML syntax", yaml: """
            apiVersion: v1
            kind: Pod
            metadata:
              name: [unterminated
            spec: {}
            """, expected: ["bad.yaml:5:", "invalid YAML"]),
        Case(name: "unknown kind", yaml: """
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w}
            """, expected: ["bad.yaml:2:7", "kind", "unsupported kind \"Widget\""]),
        Case(name: "old NodePool apiVersion", yaml: """
            apiVersion: karpenter.sh/v1beta1
            kind: NodePool
            metadata: {name: old}
            spec: {}
            """, expected: ["apiVersion", "unsupported apiVersion \"karpenter.sh/v1beta1\" for NodePool"]),
        Case(name: "Karpenter-only operator in pod affinity", yaml: pod + """
            spec:
              containers: [{name: c}]
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                    - matchExpressions: [{key: karpenter.azure.com/sku-cpu, operator: Gte, values: ["4"]}]
            """, expected: ["matchExpressions[0].operator", "unknown value \"Gte\""]),
        Case(name: "In without values", yaml: nodePoolHeader + """
                  requirements: [{key: kubernetes.io/arch, operator: In}]
            """, expected: ["requirements[0].operator", "operator In needs at least one value"]),
        Case(name: "Gt with a non-integer", yaml: nodePoolHeader + """
                  requirements: [{key: karpenter.azure.com/sku-cpu, operator: Gt, values: [four]}]
            """, expected: ["requirements[0].operator", "needs exactly one integer value"]),
        Case(name: "minValues above the values offered", yaml: nodePoolHeader + """
                  requirements: [{key: karpenter.azure.com/sku-family, operator: In, values: [D], minValues: 3}]
            """, expected: ["requirements[0].minValues", "fewer than minValues 3"]),
        Case(name: "Exists toleration with a value", yaml: pod + """
            spec:
              containers: [{name: c}]
              tolerations: [{key: a, operator: Exists, value: b}]
            """, expected: ["spec.tolerations[0].value", "must be empty when operator is Exists"]),
        Case(name: "NodePool weight out of range", yaml: """
            apiVersion: karpenter.sh/v1
            kind: NodePool
            metadata: {name: heavy}
            spec:
              weight: 101
              template: {spec: {nodeClassRef: {name: default}}}
            """, expected: ["spec.weight", "must be between 1 and 100, found 101"]),
        Case(name: "budget nodes not a count", yaml: """
            apiVersion: karpenter.sh/v1
            kind: NodePool
            metadata: {name: p}
            spec:
              template: {spec: {nodeClassRef: {name: default}}}
              disruption:
                budgets: [{nodes: ten}]
            """, expected: ["spec.disruption.budgets[0].nodes", "non-negative count or a percentage"]),
        Case(name: "budget schedule without duration", yaml: """
            apiVersion: karpenter.sh/v1
            kind: NodePool
            metadata: {name: p}
            spec:
              template: {spec: {nodeClassRef: {name: default}}}
              disruption:
                budgets: [{nodes: "0", schedule: "@daily"}]
            """, expected: ["spec.disruption.budgets[0]", "schedule and duration must be set together"]),
        Case(name: "unknown NodePool spec field", yaml: """
            apiVersion: karpenter.sh/v1
            kind: NodePool
            metadata: {name: p}
            spec:
              template: {spec: {nodeClassRef: {name: default}}}
              limit: {cpu: 10}
            """, expected: ["spec.limit", "unknown field \"limit\"", "did you mean \"limits\"?"]),
        Case(name: "AKSNodeClass disk too small", yaml: """
            apiVersion: karpenter.azure.com/v1beta1
            kind: AKSNodeClass
            metadata: {name: small}
            spec: {osDiskSizeGB: 10}
            """, expected: ["AKSNodeClass small", "spec.osDiskSizeGB", "must be between 30 and 2048, found 10"]),
        Case(name: "AKSNodeClass image family", yaml: """
            apiVersion: karpenter.azure.com/v1beta1
            kind: AKSNodeClass
            metadata: {name: win}
            spec: {imageFamily: Windows2022}
            """, expected: ["spec.imageFamily", "unknown value \"Windows2022\"", "\"AzureLinux\""]),
        Case(name: "zero maxSkew", yaml: pod + """
            spec:
              containers: [{name: c}]
              topologySpreadConstraints:
              - {maxSkew: 0, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule}
            """, expected: ["spec.topologySpreadConstraints[0].maxSkew", "must be greater than zero"]),
        Case(name: "bad whenUnsatisfiable", yaml: pod + """
            spec:
              containers: [{name: c}]
              topologySpreadConstraints:
              - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: Never}
            """, expected: ["topologySpreadConstraints[0].whenUnsatisfiable", "unknown value \"Never\""]),
        Case(name: "preferred weight zero", yaml: pod + """
            spec:
              containers: [{name: c}]
              affinity:
                podAntiAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 0
                    podAffinityTerm: {topologyKey: kubernetes.io/hostname}
            """, expected: ["preferredDuringSchedulingIgnoredDuringExecution[0].weight", "between 1 and 100"]),
        Case(name: "catalog without offerings", yaml: """
            apiVersion: nodeplan.io/v1alpha1
            kind: InstanceTypeCatalog
            metadata: {name: c}
            spec:
              instanceTypes:
              - {name: t, capacity: {cpu: 1, memory: 1Gi, pods: 10}, offerings: []}
            """, expected: ["InstanceTypeCatalog c", "spec.instanceTypes[0].offerings", "needs at least one offering"]),
        Case(name: "catalog capacity without pods", yaml: """
            apiVersion: nodeplan.io/v1alpha1
            kind: InstanceTypeCatalog
            metadata: {name: c}
            spec:
              instanceTypes:
              - name: t
                capacity: {cpu: 1, memory: 1Gi}
                offerings: [{zone: z, capacityType: spot, price: 0.1}]
            """, expected: ["spec.instanceTypes[0].capacity", "capacity must include pods"]),
        Case(name: "catalog bad capacity type", yaml: """
            apiVersion: nodeplan.io/v1alpha1
            kind: InstanceTypeCatalog
            metadata: {name: c}
            spec:
              builtin:
                overrides: [{instanceType: Standard_D2s_v5, capacityType: low-priority}]
            """, expected: ["spec.builtin.overrides[0].capacityType", "unknown value \"low-priority\""]),
        Case(name: "instance type in two catalogs", yaml: """
            apiVersion: nodeplan.io/v1alpha1
            kind: InstanceTypeCatalog
            metadata: {name: a}
            spec:
              instanceTypes: [{name: t, capacity: {cpu: 1, memory: 1Gi, pods: 10}, offerings: [{zone: z, capacityType: spot, price: 1}]}]
            ---
            apiVersion: nodeplan.io/v1alpha1
            kind: InstanceTypeCatalog
            metadata: {name: b}
            spec:
              instanceTypes: [{name: t, capacity: {cpu: 1, memory: 1Gi, pods: 10}, offerings: [{zone: z, capacityType: spot, price: 1}]}]
            """, expected: ["bad.yaml:7:1", "InstanceTypeCatalog b", "spec.instanceTypes",
                            "instance type \"t\" is defined by more than one catalog"]),
        Case(name: "misspelt catalog offering field", yaml: """
            apiVersion: nodeplan.io/v1alpha1
            kind: InstanceTypeCatalog
            metadata: {name: a}
            spec:
              instanceTypes:
              - name: t
                capacity: {cpu: 1, memory: 1Gi, pods: 10}
                offerings: [{zone: z, capacityType: spot, prize: 1}]
            """, expected: ["spec.instanceTypes[0].offerings[0].prize", "did you mean \"price\"?"]),
        Case(name: "unknown PriorityClass", yaml: pod + """
            spec:
              containers: [{name: c}]
              priorityClassName: urgent
            """, expected: ["bad.yaml:1:1", "Pod shop/web", "spec.priorityClassName", "PriorityClass \"urgent\" not found"]),
        Case(name: "unknown PriorityClass in a satisfied Deployment", yaml: """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              replicas: 0
              template: {spec: {containers: [{name: c}], priorityClassName: urgent}}
            """, expected: ["Deployment shop/web", "spec.template.spec.priorityClassName", "\"urgent\" not found"]),
        Case(name: "duplicate object", yaml: pod + "spec: {containers: [{name: c}]}\n---\n" + pod
            + "spec: {containers: [{name: c}]}\n", expected: ["bad.yaml:6:1", "Pod shop/web",
                                                               "duplicate object, first defined at bad.yaml:1:1"]),
        Case(name: "bad timestamp", yaml: """
            apiVersion: v1
            kind: Node
            metadata: {name: n, creationTimestamp: yesterday}
            """, expected: ["Node n", "metadata.creationTimestamp", "invalid timestamp \"yesterday\""]),
        Case(name: "unknown NodeClaim spec field", yaml: """
            apiVersion: karpenter.sh/v1
            kind: NodeClaim
            metadata: {name: nc}
            spec:
              nodeClassRef: {name: default}
              requirement: []
            """, expected: ["NodeClaim nc", "spec.requirement", "did you mean \"requirements\"?"]),
        Case(name: "negative parallelism", yaml: """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: j, namespace: batch}
            spec:
              parallelism: -2
              template: {spec: {containers: [{name: c}]}}
            """, expected: ["Job batch/j", "spec.parallelism", "must not be negative"]),
        Case(name: "non-integer priority", yaml: pod + """
            spec:
              containers: [{name: c}]
              priority: high
            """, expected: ["spec.priority", "expected an integer, found \"high\""]),
        Case(name: "restartPolicy on an app container", yaml: pod + """
            spec:
              containers: [{name: c, restartPolicy: Always}]
            """, expected: ["spec.containers[0].restartPolicy", "only init containers may set restartPolicy"]),
    ]

    @Test(arguments: cases)
    func reportsFieldAndReason(_ testCase: Case) throws {
        let message = try #require(Fixtures.error(text: testCase.yaml), "input was accepted")
        for expected in testCase.expected {
            #expect(message.contains(expected), "\(message)")
        }
    }

    @Test func errorsFromJSONNameTheirLine() throws {
        let message = try #require(Fixtures.error(text: """
            {
              "apiVersion": "v1",
              "kind": "Pod",
              "metadata": {"name": "p"},
              "spec": {"containers": [{"name": "c", "resources": {"requests": {"memory": "lots"}}}]}
            }
            """, file: "pod.json"))
        #expect(message.hasPrefix("pod.json:5:"))
        #expect(message.contains("Pod default/p: spec.containers[0].resources.requests.memory: invalid quantity \"lots\""))
    }

    @Test func errorsFromFilesNameTheFile() throws {
        var builder = SnapshotBuilder()
        do {
            try builder.addFile(atPath: "/nonexistent/pods.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "/nonexistent/pods.yaml: cannot read file")
        }
    }

    @Test func twoGlobalDefaultsAreRejected() throws {
        let message = try #require(Fixtures.error(text: """
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: a}
            value: 1
            globalDefault: true
            ---
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: b}
            value: 2
            globalDefault: true
            """))
        #expect(message.contains("PriorityClass b: globalDefault: only one PriorityClass may be the global default"))
    }
}
