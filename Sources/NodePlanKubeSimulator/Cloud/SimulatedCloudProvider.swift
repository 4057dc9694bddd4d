import Foundation
import NIOConcurrencyHelpers
import NodePlanAgent
import NodePlanModel

/// A cloud that "creates a VM" by registering its Node in the simulated cluster after a delay (as KWOK does):
/// `registrationDelay` until the Node appears, `readyDelay` more until it is Ready. Offerings can be made
/// unavailable to exercise fallbacks.
public final class SimulatedCloudProvider: CloudProvider {
    struct State {
        var instances: [String: CloudInstance] = [:]
        var unavailable: Set<UnavailableOffering> = []
        /// Instance types whose every launch attempt fails (and marks the offering unavailable).
        var shortages: Set<String> = []
        /// How many instances were really created (repeated creates of one NodeClaim count once).
        var launches = 0
        var deletions = 0
    }

    private let simulator: KubeSimulator
    private let instanceTypes: [String: InstanceType]
    private let region: String
    private let registrationDelay: Duration
    private let readyDelay: Duration
    private let state = NIOLockedValueBox(State())

    public init(simulator: KubeSimulator, instanceTypes: [InstanceType], region: String = "eastus",
                registrationDelay: Duration = .milliseconds(50), readyDelay: Duration = .milliseconds(50)) {
        self.simulator = simulator
        self.instanceTypes = Dictionary(instanceTypes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.region = region
        self.registrationDelay = registrationDelay
        self.readyDelay = readyDelay
    }

    /// Makes an offering fail from now on, as a zonal allocation failure would.
    public func makeUnavailable(_ offering: UnavailableOffering) {
        _ = state.withLockedValue { $0.unavailable.insert(offering) }
    }

    /// Makes every launch of `instanceType` fail as a zonal allocation failure does: the attempt marks
    /// that offering unavailable and the next offering of the request is tried.
    public func failLaunches(of instanceType: String) {
        _ = state.withLockedValue { $0.shortages.insert(instanceType) }
    }

    /// Instances really created so far.
    public var launches: Int { state.withLockedValue { $0.launches } }
    public var deletions: Int { state.withLockedValue { $0.deletions } }

    public func create(_ request: InstanceRequest) async throws -> CloudInstance {
        let outcome = state.withLockedValue { state -> Result<(CloudInstance, Bool), CloudProviderError> in
            if let existing = state.instances[request.nodeClaim] { return .success((existing, false)) }
            for option in request.offerings {
                let key = UnavailableOffering(instanceType: option.instanceType, zone: option.zone,
                                              capacityType: option.capacityType)
                guard !state.unavailable.contains(key), let type = instanceTypes[option.instanceType] else { continue }
                if state.shortages.contains(option.instanceType) {
                    state.unavailable.insert(key)
                    continue
                }
                let instance = CloudInstance(
                    nodeClaim: request.nodeClaim, providerID: "simulated:///\(region)/aks-\(request.nodeClaim)",
                    instanceType: option.instanceType, zone: option.zone, capacityType: option.capacityType,
                    capacity: type.capacity, allocatable: type.allocatable, createdAt: Date().timeIntervalSince1970)
                state.instances[request.nodeClaim] = instance
                state.launches += 1
                return .success((instance, true))
            }
            return .failure(.insufficientCapacity(nodeClaim: request.nodeClaim,
                                                  reason: "none of \(request.offerings.count) offerings is available"))
        }
        let (instance, isNew) = try outcome.get()
        if isNew { boot(instance, request: request) }
        return instance
    }

    public func delete(nodeClaim: String) async throws {
        state.withLockedValue { state in
            if state.instances.removeValue(forKey: nodeClaim) != nil { state.deletions += 1 }
        }
    }

    public func list() async throws -> [CloudInstance] {
        state.withLockedValue { Array($0.instances.values) }.sorted { $0.nodeClaim < $1.nodeClaim }
    }

    public func unavailableOfferings() async -> [UnavailableOffering] {
        state.withLockedValue { Array($0.unavailable) }
    }

    /// Registers the instance's Node after the boot delay, unless the instance was deleted meanwhile.
    private func boot(_ instance: CloudInstance, request: InstanceRequest) {
        var labels = request.labels
        labels[WellKnownLabel.nodePool] = request.nodePool
        labels[WellKnownLabel.instanceType] = instance.instanceType
        labels[WellKnownLabel.zone] = instance.zone
        labels[WellKnownLabel.region] = region
        labels[WellKnownLabel.capacityType] = instance.capacityType.rawValue
        labels[WellKnownLabel.os] = labels[WellKnownLabel.os] ?? "linux"
        labels[WellKnownLabel.arch] = labels[WellKnownLabel.arch] ?? "amd64"
        let node = SimulatedObjects.node(name: "aks-\(instance.nodeClaim)", labels: labels, taints: request.taints,
                                         startupTaints: request.startupTaints, capacity: instance.capacity,
                                         allocatable: instance.allocatable, providerID: instance.providerID)
        let (simulator, delay, ready) = (self.simulator, registrationDelay, readyDelay)
        let state = self.state
        Task {
            try? await Task.sleep(for: delay)
            guard state.withLockedValue({ $0.instances[instance.nodeClaim] != nil }) else { return }
            try? simulator.registerNode(node, readyAfter: ready)
        }
    }
}
