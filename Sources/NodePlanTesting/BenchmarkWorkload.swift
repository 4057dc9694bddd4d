import NodePlanModel

/// Karpenter's scheduling-benchmark pod mix (`makeDiversePods`), reproducible from a seed: five
/// equal groups — generic, zone spread, hostname spread, zone self-affinity (each pod selects its own
/// label value, so every group can bootstrap), hostname
/// anti-affinity — with CPU from {100m, 250m, 500m, 1, 1.5} and memory from
/// {100, 256, 512, 1024, 2048, 4096}Mi.
public struct BenchmarkWorkload: Sendable {
    private var state: UInt64

    public init(seed: UInt64 = 42) { state = seed }

    /// `count` pending pods added to `scenario`, named by group.
    public mutating func diversePods(_ count: Int, into scenario: Scenario) -> Scenario {
        var scenario = scenario
        let group = count / 5
        let groups: [(String, Int, (inout BenchmarkWorkload) -> PodTemplate)] = [
            ("generic", count - 4 * group, { $0.sized() }),
            ("zone-spread", group, { $0.spreadPod(WellKnownLabel.zone) }),
            ("host-spread", group, { $0.spreadPod(WellKnownLabel.hostname) }),
            ("zone-affinity", group, { workload in
                let value = workload.pick(Self.values)
                return workload.sized().labels(["my-affinity": value])
                    .podAffinity(WellKnownLabel.zone, to: ["my-affinity": value])
            }),
            ("host-anti", group, { workload in
                workload.sized().labels(["app": "nginx"]).podAntiAffinity(WellKnownLabel.hostname, to: ["app": "nginx"])
            }),
        ]
        // Appended in place: rebuilding the scenario per pod would copy the pod list every time.
        for (name, size, make) in groups {
            for index in 0..<size { scenario.snapshot.addPods(make(&self).spec, namePrefix: "\(name)-\(index)") }
        }
        return scenario
    }

    static let values = ["a", "b", "c", "d", "e", "f", "g"]
    static let cpus = ["100m", "250m", "500m", "1", "1500m"]
    static let memories = ["100Mi", "256Mi", "512Mi", "1024Mi", "2048Mi", "4096Mi"]

    private mutating func sized() -> PodTemplate { PodTemplate(cpu: pick(Self.cpus), memory: pick(Self.memories)) }

    private mutating func spreadPod(_ key: String) -> PodTemplate {
        let label = pick(Self.values)
        return sized().labels(["my-label": label]).spread(key, selector: ["my-label": pick(Self.values)])
    }

    /// SplitMix64: small, fast and the same on every platform.
    private mutating func pick<Element>(_ elements: [Element]) -> Element {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        mixed ^= mixed >> 31
        return elements[Int(mixed % UInt64(elements.count))]
    }
}
