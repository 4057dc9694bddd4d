import NodePlanModel
import NodePlanSolver

/// A cluster under test, built fluently: pools, instance types, existing nodes, DaemonSets and
/// pods, then `solve()`.
///
/// ```swift
/// let result = Scenario()
///     .pool("default")
///     .instanceTypes(InstanceTypes.benchmark())
///     .pods("web", count: 3, PodTemplate(cpu: "1").labels(["app": "web"]).spread(WellKnownLabel.zone))
///     .solve()
/// #expect(Set(result.launches.map(\.choice.zone)).count == 3)
/// ```
public struct Scenario: Sendable {
    public var snapshot = Snapshot(options: SolverOptions(strategy: .karpenter))
    /// Instance types per pool; pools not listed use `snapshot.instanceTypes`.
    public var instanceTypesByPool: [String: [InstanceType]] = [:]

    public init() {}

    private func with(_ change: (inout Scenario) -> Void) -> Scenario {
        var copy = self
        change(&copy)
        return copy
    }

    // MARK: NodePools and instance types

    public func pool(_ pool: NodePool) -> Scenario { with { $0.snapshot.nodePools.append(pool) } }

    public func pool(_ name: String, weight: Int32 = 0, requirements: [NodeSelectorRequirement] = [],
                     labels: [String: String] = [:], taints: [Taint] = [], startupTaints: [Taint] = [],
                     limits: ResourceList = ResourceList()) -> Scenario {
        pool(NodePool(name: name, weight: weight, labels: labels, taints: taints, startupTaints: startupTaints,
                      requirements: requirements, limits: limits))
    }

    public func nodeClass(_ nodeClass: AKSNodeClass) -> Scenario { with { $0.snapshot.nodeClasses.append(nodeClass) } }

    /// Instance types offered to every pool without its own list.
    public func instanceTypes(_ types: [InstanceType]) -> Scenario { with { $0.snapshot.instanceTypes += types } }

    /// Instance types offered to one pool only.
    public func instanceTypes(pool: String, _ types: [InstanceType]) -> Scenario {
        with { $0.instanceTypesByPool[pool, default: []] += types }
    }

    // MARK: Workloads

    /// `count` pending pods named `<name>-<n>`, created at `createdAt`.
    public func pods(_ name: String, count: Int = 1, _ template: PodTemplate = PodTemplate(),
                     createdAt: Double = 0) -> Scenario {
        with { $0.snapshot.addPods(template.spec, count: count, namePrefix: name, createdAt: createdAt) }
    }

    /// `count` running pods named `<name>-<n>` bound to `node`.
    public func running(_ name: String, count: Int = 1, on node: String, _ template: PodTemplate = PodTemplate())
        -> Scenario {
        with { $0.snapshot.addPods(template.spec, count: count, namePrefix: name, nodeName: node) }
    }

    public func daemonSet(_ name: String, _ template: PodTemplate) -> Scenario {
        with { $0.snapshot.daemonSets.append(DaemonSet(name: name, template: template.owner(kind: "DaemonSet", name: name).spec)) }
    }

    public func namespace(_ name: String, labels: [String: String] = [:]) -> Scenario {
        with { $0.snapshot.namespaces.append(Namespace(name: name, labels: labels)) }
    }

    // MARK: Existing nodes

    public func node(_ node: Node) -> Scenario { with { $0.snapshot.nodes.append(node) } }

    /// An existing node of `pool` shaped like `instanceType`, in `zone`.
    public func node(_ name: String, like instanceType: InstanceType, pool: String = "", zone: String = "test-zone-1",
                     capacityType: CapacityType = .onDemand, labels: [String: String] = [:], taints: [Taint] = [],
                     initialized: Bool = true, markedForDeletion: Bool = false, ready: Bool = true,
                     createdAt: Double = 0, annotations: [String: String] = [:], drifted: Bool = false,
                     nominated: Bool = false) -> Scenario {
        var nodeLabels = [WellKnownLabel.hostname: name, WellKnownLabel.zone: zone,
                          WellKnownLabel.capacityType: capacityType.rawValue,
                          WellKnownLabel.instanceType: instanceType.name]
        for requirement in instanceType.requirements where requirement.operator == .in && requirement.values.count == 1 {
            nodeLabels[requirement.key] = requirement.values[0]
        }
        if !pool.isEmpty { nodeLabels[WellKnownLabel.nodePool] = pool }
        nodeLabels.merge(labels) { $1 }
        let price = instanceType.offerings.first { $0.zone == zone && $0.capacityType == capacityType }?.price
        return node(Node(name: name, labels: nodeLabels, annotations: annotations, taints: taints,
                         capacity: instanceType.capacity, allocatable: instanceType.allocatable, nodePool: pool,
                         instanceType: instanceType.name, price: price, initialized: initialized, ready: ready,
                         createdAt: createdAt, markedForDeletion: markedForDeletion, nominated: nominated,
                         drifted: drifted))
    }

    // MARK: Disruption

    /// The cluster's clock (seconds since the Unix epoch).
    public func now(_ time: Double) -> Scenario { with { $0.snapshot.cluster.now = time } }

    /// Changes the disruption settings of the pool called `pool`.
    public func disruption(pool: String, _ change: (inout Disruption) -> Void) -> Scenario {
        with { scenario in
            for index in scenario.snapshot.nodePools.indices where scenario.snapshot.nodePools[index].name == pool {
                change(&scenario.snapshot.nodePools[index].disruption)
            }
        }
    }

    /// A PodDisruptionBudget in `namespace` over the pods labelled `selector`.
    public func podDisruptionBudget(_ name: String, selecting selector: [String: String], namespace: String = "default",
                                    minAvailable: String? = nil, maxUnavailable: String? = nil,
                                    disruptionsAllowed: Int32? = nil) -> Scenario {
        with {
            $0.snapshot.podDisruptionBudgets.append(PodDisruptionBudget(
                name: name, namespace: namespace, selector: LabelSelector(matchLabels: selector),
                minAvailable: minAvailable, maxUnavailable: maxUnavailable, disruptionsAllowed: disruptionsAllowed))
        }
    }

    // MARK: Options

    public func options(_ change: (inout SolverOptions) -> Void) -> Scenario { with { change(&$0.snapshot.options) } }

    // MARK: Solving

    /// Runs the provisioner with the snapshot's options; a scenario that builds an inconsistent
    /// snapshot is a broken test, so that stops it.
    public func solve() -> Solved {
        do {
            let plan = try Provisioner(options: snapshot.options).solve(
                snapshot: snapshot, instanceTypes: instanceTypesByPool.isEmpty ? nil : instanceTypesByPool)
            return Solved(snapshot: snapshot, plan: plan)
        } catch {
            preconditionFailure("scenario builds an invalid snapshot: \(error)")
        }
    }

    /// Runs the consolidator alone (Karpenter's spot-to-spot feature gate is
    /// `options.spotToSpotConsolidation`).
    public func consolidate() -> Solved {
        do {
            let plan = try Consolidator(options: snapshot.options).consolidate(
                snapshot: snapshot, instanceTypes: instanceTypesByPool.isEmpty ? nil : instanceTypesByPool)
            return Solved(snapshot: snapshot, plan: plan)
        } catch {
            preconditionFailure("scenario builds an invalid snapshot: \(error)")
        }
    }

    /// Runs the planner: provisioning, then consolidation when `options.consolidate` is set.
    public func plan() -> Solved {
        do {
            let plan = try Planner(options: snapshot.options).plan(
                snapshot: snapshot, instanceTypes: instanceTypesByPool.isEmpty ? nil : instanceTypesByPool)
            return Solved(snapshot: snapshot, plan: plan)
        } catch {
            preconditionFailure("scenario builds an invalid snapshot: \(error)")
        }
    }
}
