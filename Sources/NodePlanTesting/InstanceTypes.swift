import NodePlanModel

/// Instance-type builders for scenarios.
public enum InstanceTypes {
    public static let zones = ["test-zone-1", "test-zone-2", "test-zone-3"]

    /// One instance type with offerings in `zones` for each capacity type at `price` (spot at
    /// `spotPrice`, default 70 % of `price`).
    public static func make(_ name: String, cpu: Int64, memoryGiB: Int64, pods: Int64 = 110, price: Double,
                            spotPrice: Double? = nil, zones: [String] = zones,
                            capacityTypes: [CapacityType] = [.onDemand, .spot], arch: String = "amd64",
                            overhead: ResourceList = ResourceList(), extra: ResourceList = ResourceList(),
                            labels: [String: String] = [:]) -> InstanceType {
        var capacity = ResourceList(cpu: .units(cpu), memory: .gibibytes(memoryGiB), pods: .units(pods))
        capacity.add(extra)
        var requirements: [NodeSelectorRequirement] = [
            .in(WellKnownLabel.instanceType, name), .in(WellKnownLabel.arch, arch), .in(WellKnownLabel.os, "linux"),
        ]
        requirements += labels.sorted { $0.key < $1.key }.map { .in($0.key, $0.value) }
        let offerings = capacityTypes.flatMap { capacityType in
            zones.map { Offering(zone: $0, capacityType: capacityType,
                                 price: capacityType == .spot ? spotPrice ?? price * 0.7 : price) }
        }
        return InstanceType(name: name, capacity: capacity, overhead: overhead, requirements: requirements,
                            offerings: offerings)
    }

    /// Karpenter's scheduling-benchmark catalog: `fake-it-i` with i+1 vCPU, 2(i+1) GiB, 10(i+1)
    /// pods, spot in zones 1–2 and on-demand in zones 1–3, all at 0.1 × vCPU + 0.1 × GiB per hour,
    /// overhead 100m CPU and 10Mi memory.
    public static func benchmark(count: Int = 400) -> [InstanceType] {
        (0..<count).map { index in
            let size = Int64(index + 1)
            let price = 0.1 * Double(size) + 0.1 * Double(2 * size)
            let offerings = zones.prefix(2).map { Offering(zone: $0, capacityType: .spot, price: price) }
                + zones.map { Offering(zone: $0, capacityType: .onDemand, price: price) }
            return InstanceType(
                name: "fake-it-\(index)",
                capacity: ResourceList(cpu: .units(size), memory: .gibibytes(2 * size), pods: .units(10 * size)),
                overhead: ResourceList(cpu: .millis(100), memory: .mebibytes(10)),
                requirements: [.in(WellKnownLabel.instanceType, "fake-it-\(index)"),
                               .in(WellKnownLabel.arch, "amd64"), .in(WellKnownLabel.os, "linux")],
                offerings: offerings)
        }
    }
}
