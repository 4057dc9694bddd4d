import NodePlanModel
import NodePlanValidator

/// A small cluster in which tests break one rule at a time: NodePool `general`, instance types
/// `small` (2 CPU, 4Gi, 10 pods) and `large` (8 CPU, 32Gi, 50 pods) in zones test-1 and test-2,
/// spot and on-demand (large on-demand in test-2 is unavailable).
struct Scenario {
    var snapshot: Snapshot
    var instanceTypes: [String: [InstanceType]] = [:]

    static let zone1 = "test-1"
    static let zone2 = "test-2"

    static let small = instanceType("small", cpu: 2, memoryGi: 4, pods: 10, price: 0.1)
    static let large: InstanceType = {
        var type = instanceType("large", cpu: 8, memoryGi: 32, pods: 50, price: 0.4)
        type.offerings[3].available = false
        return type
    }()

    static func instanceType(_ name: String, cpu: Int64, memoryGi: Int64, pods: Int64, price: Double) -> InstanceType {
        InstanceType(
            name: name, capacity: ResourceList(cpu: .units(cpu), memory: .gibibytes(memoryGi), pods: .units(pods)),
            overhead: ResourceList(cpu: .millis(100), memory: .mebibytes(100)),
            requirements: [.in(WellKnownLabel.instanceType, name), .in(WellKnownLabel.arch, "amd64"),
                           .in("example.com/cpu", "\(cpu)")],
            offerings: [Offering(zone: zone1, capacityType: .spot, price: price / 2),
                        Offering(zone: zone1, capacityType: .onDemand, price: price),
                        Offering(zone: zone2, capacityType: .spot, price: price / 2),
                        Offering(zone: zone2, capacityType: .onDemand, price: price)])
    }

    init(pool: NodePool = NodePool(name: "general")) {
        snapshot = Snapshot(instanceTypes: [Self.small, Self.large], nodePools: [pool])
    }

    /// A pod shape requesting `cpu` and `memory`.
    static func spec(cpu: String = "500m", memory: String = "512Mi", labels: [String: String] = [:],
                     configure: (inout PodSpec) -> Void = { _ in }) -> PodSpec {
        var spec = PodSpec(labels: labels, containers: [
            Container(name: "main", requests: ResourceList(cpu: try! Quantity(parsing: cpu), memory: try! Quantity(parsing: memory))),
        ])
        configure(&spec)
        return spec
    }

    /// Adds `count` pending pods of `spec`; returns their indices.
    @discardableResult
    mutating func pending(_ name: String, _ spec: PodSpec = Scenario.spec(), count: Int = 1) -> [Int32] {
        snapshot.addPods(spec, count: count, namePrefix: name).map { Int32($0) }
    }

    /// Adds `count` pods of `spec` running on `node`; returns their indices.
    @discardableResult
    mutating func running(_ name: String, _ spec: PodSpec = Scenario.spec(), on node: String, count: Int = 1) -> [Int32] {
        snapshot.addPods(spec, count: count, namePrefix: name, nodeName: node).map { Int32($0) }
    }

    /// Adds an existing `small`-sized node of pool `general` in `zone`.
    mutating func node(_ name: String, zone: String = Scenario.zone1, configure: (inout Node) -> Void = { _ in }) {
        var node = Node(name: name, labels: [WellKnownLabel.zone: zone, WellKnownLabel.hostname: name,
                                             WellKnownLabel.nodePool: "general", WellKnownLabel.arch: "amd64"],
                        capacity: Self.small.capacity, allocatable: Self.small.allocatable, nodePool: "general",
                        instanceType: "small", price: 0.1)
        configure(&node)
        snapshot.nodes.append(node)
    }

    /// A correctly priced launch of `type` in pool `general`.
    func launch(_ name: String, _ type: InstanceType = Scenario.small, zone: String = Scenario.zone1,
                capacityType: CapacityType = .onDemand, pods: [Int32], pool: String = "general") -> NodeLaunch {
        NodeLaunch(name: name, nodePool: pool, choice: Self.option(type, zone: zone, capacityType: capacityType), pods: pods)
    }

    static func option(_ type: InstanceType, zone: String = Scenario.zone1, capacityType: CapacityType = .onDemand) -> LaunchOption {
        let offering = type.offerings.first { $0.zone == zone && $0.capacityType == capacityType }!
        return LaunchOption(instanceType: type.name, zone: zone, capacityType: capacityType, price: offering.price)
    }

    func violations(_ plan: Plan) -> [PlanViolation] {
        PlanValidator.validate(snapshot: snapshot, instanceTypes: instanceTypes, plan: plan)
    }

    /// The rules `plan` breaks, for compact expectations.
    func rules(_ plan: Plan) -> [PlanRule] { violations(plan).map(\.rule) }
}
