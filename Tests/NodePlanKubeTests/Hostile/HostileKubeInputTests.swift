import NodePlanModel
import Testing
@testable import NodePlanKube

/// kubectl dumps that are damaged, contradictory or built to exhaust the reader. Each is refused with the
/// file, the object, the field path and the reason, or, where Kubernetes itself would accept it, built into
/// a snapshot without blowing up.
@Suite struct HostileKubeInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        /// Substrings the error text must contain.
        var expected: [String]
        var testDescription: String { name }

        init(name: String, yaml: String, expected: [String]) {
            self.init(name: name, bytes: Array(yaml.utf8), expected: expected)
        }

        init(name: String, bytes: [UInt8], expected: [String]) {
            self.name = name
            self.bytes = bytes
            self.expected = expected
        }
    }

    static func deployment(replicas: String, name: String = "web") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: \(name), namespace: shop}
        spec:
          replicas: \(replicas)
          template:
            metadata: {labels: {app: \(name)}}
            spec: {containers: [{name: c}]}

        """
    }

    static func pod(requests: String) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop}
        spec:
          containers: [{name: c, resources: {requests: {\(requests)}}}]
        """
    }

    /// Nine aliases of nine aliases of …: a billion entries if anyone expanded them.
    static var billionLaughs: String {
        var yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: lol\n  x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            yaml += "  x\(level): &a\(level) [\(Array(repeating: previous, count: 9).joined(separator: ", "))]\n"
        }
        return yaml + "  labels: *a9\nspec: {containers: [{name: c}]}\n"
    }

    static let cases: [Case] = [
        Case(name: "sequences nested 100,000 deep", yaml: String(repeating: "[", count: 100_000),
             expected: ["bad.yaml:1:257", "nested deeper than 256 levels"]),
        Case(name: "mappings nested 100,000 deep in a label", yaml: "kind: Pod\nmetadata:\n  labels: "
                 + String(repeating: "{a: ", count: 100_000),
             expected: ["bad.yaml:3:", "nested deeper than 256 levels"]),
        Case(name: "billion laughs through anchors", yaml: billionLaughs,
             expected: ["Pod default/lol", "metadata.labels", "expected a mapping"]),
        Case(name: "binary garbage", bytes: [0x00, 0xFF, 0xFE, 0x01, 0x9C, 0x00, 0x80], expected: ["bad.yaml", "invalid YAML"]),
        Case(name: "invalid UTF-8 in a name", bytes: Array("kind: Pod\nmetadata: {name: ".utf8) + [0xC3, 0x28] + Array("}\n".utf8),
             expected: ["bad.yaml", "invalid YAML"]),
        Case(name: "JSON cut off mid-object", yaml: #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "w"#,
             expected: ["bad.yaml:1:", "invalid YAML"]),
        Case(name: "tab indentation", yaml: "kind: Pod\nmetadata:\n\tname: web\n", expected: ["bad.yaml:3:", "invalid YAML"]),
        Case(name: "alias to an unknown anchor", yaml: "kind: Pod\nmetadata: *nowhere\n",
             expected: ["bad.yaml:2:", "unknown anchor \"nowhere\""]),
        Case(name: "a sequence as a mapping key", yaml: "kind: Pod\n? [a, b]\n: c\n",
             expected: ["bad.yaml:2:", "mapping keys must be scalars"]),
        Case(name: "the same key twice", yaml: "kind: Pod\nkind: Node\n", expected: ["bad.yaml:2:", "duplicate key \"kind\""]),
        Case(name: "the same pod twice", yaml: pod(requests: "cpu: 1") + "\n---\n" + pod(requests: "cpu: 2"),
             expected: ["Pod shop/web", "duplicate object"]),
        Case(name: "negative replicas", yaml: deployment(replicas: "-3"),
             expected: ["Deployment shop/web", "spec.replicas", "must not be negative, found -3"]),
        Case(name: "two billion replicas", yaml: deployment(replicas: "2000000000"),
             expected: ["Deployment shop/web", "spec.replicas", "2000000000 pods", "1000000"]),
        Case(name: "replicas past Int64", yaml: deployment(replicas: "99999999999999999999"),
             expected: ["spec.replicas", "expected an integer"]),
        Case(name: "workloads that only together ask for too many pods",
             yaml: deployment(replicas: "600000", name: "a") + "---\n" + deployment(replicas: "600000", name: "b"),
             expected: ["Deployment shop/b", "spec.replicas", "600000 pods take the workloads past 1000000"]),
        Case(name: "NaN CPU request", yaml: pod(requests: "cpu: NaN"), expected: ["requests.cpu", "invalid quantity \"NaN\""]),
        Case(name: "infinite memory request", yaml: pod(requests: "memory: .inf"),
             expected: ["requests.memory", "invalid quantity"]),
        Case(name: "CPU request past what a quantity holds", yaml: pod(requests: "cpu: 1e400"),
             expected: ["requests.cpu", "1e400"]),
        Case(name: "negative memory request", yaml: pod(requests: "memory: -1Gi"),
             expected: ["requests.memory", "must not be negative, found -1Gi"]),
        Case(name: "priority beyond Int32", yaml: """
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: huge}
            value: 99999999999
            """, expected: ["PriorityClass huge", "value", "out of range"]),
        Case(name: "List whose items are not a sequence", yaml: "apiVersion: v1\nkind: List\nitems: {a: b}\n",
             expected: ["bad.yaml:3:", "items", "expected a list, found a mapping"]),
    ]

    @Test(arguments: cases)
    func refused(_ hostile: Case) throws {
        var builder = SnapshotBuilder()
        let error = try #require(throws: InputError.self) {
            try builder.add(bytes: hostile.bytes, file: "bad.yaml")
            _ = try builder.build()
        }
        for expected in hostile.expected {
            #expect("\(error)".contains(expected), "\(error)")
        }
    }

    @Test("Owner references that form a cycle build a finite snapshot")
    func cyclicOwners() throws {
        let snapshot = try Fixtures.snapshot(text: """
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata:
              name: a
              namespace: shop
              ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: b, uid: "1"}]
            spec:
              replicas: 2
              template: {spec: {containers: [{name: c}]}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: b
              namespace: shop
              ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: a, uid: "2"}]
            spec:
              replicas: 3
              template: {spec: {containers: [{name: c}]}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: self
              namespace: shop
              ownerReferences: [{apiVersion: v1, kind: Pod, name: self, uid: "3"}]
            spec: {containers: [{name: c}]}
            """)
        #expect(snapshot.pods.count == 4)  // The pod itself and Deployment b's three; a belongs to b.
    }

    @Test("10,000 labels on one pod are kept")
    func tenThousandLabels() throws {
        let labels = (0..<10_000).map { "    example.com/l\($0): v\($0)" }.joined(separator: "\n")
        let snapshot = try Fixtures.snapshot(text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: many\n  labels:\n"
                                                 + labels + "\nspec: {containers: [{name: c}]}\n")
        #expect(snapshot.spec(of: snapshot.pods[0]).labels.count == 10_000)
    }

    @Test("A pod bound to a node missing from the input keeps its binding and is not pending")
    func podOnUnknownNode() throws {
        let snapshot = try Fixtures.snapshot(text: """
            apiVersion: v1
            kind: Pod
            metadata: {name: orphan, namespace: shop}
            spec: {nodeName: deleted-node, containers: [{name: c}]}
            status: {phase: Running}
            """)
        #expect(snapshot.pods[0].nodeName == "deleted-node")
        #expect(snapshot.pods[0].phase == .running)
    }
}
