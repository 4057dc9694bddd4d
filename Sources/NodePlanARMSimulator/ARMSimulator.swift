import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// An Azure Resource Manager stand-in over real HTTP on loopback: VMs and NICs at their real resource
/// paths with long-running operations, a token endpoint (Entra and IMDS shapes), the retail prices API,
/// and fault injection (throttling, 5xx, capacity errors in ARM's error JSON, failed operations).
///
/// Long-running operations finish after `operationPolls` polls of the operation or GETs of the resource,
/// so progress needs no timers. Time (token expiry, `timeCreated`) comes from the injected `now`.
public final class ARMSimulator: Sendable {
    /// Timing, paging and auth of a simulator; fixed for its lifetime.
    public struct Configuration: Sendable {
        /// Polls (of the operation or the resource) before an operation finishes; 0 finishes at once.
        public var operationPolls: Int
        /// `Retry-After` sent with operation responses, seconds.
        public var pollRetryAfterSeconds: Int
        /// Resources per list page (`nextLink` beyond).
        public var listPageSize: Int
        /// Items per retail-prices page (`NextPageLink` beyond).
        public var retailPricesPageSize: Int
        /// Seconds a token is valid.
        public var tokenLifetime: Double
        /// Whether ARM routes demand a bearer token the simulator issued.
        public var requireAuthentication: Bool
        /// Seconds since the epoch.
        public var now: @Sendable () -> Double

        public init(operationPolls: Int = 1, pollRetryAfterSeconds: Int = 1, listPageSize: Int = 50,
                    retailPricesPageSize: Int = 100, tokenLifetime: Double = 3600, requireAuthentication: Bool = true,
                    now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
            self.operationPolls = operationPolls
            self.pollRetryAfterSeconds = pollRetryAfterSeconds
            self.listPageSize = listPageSize
            self.retailPricesPageSize = retailPricesPageSize
            self.tokenLifetime = tokenLifetime
            self.requireAuthentication = requireAuthentication
            self.now = now
        }
    }

    public let configuration: Configuration
    let state = NIOLockedValueBox(SimulatorState())
    private let group: MultiThreadedEventLoopGroup
    private let channel: NIOLockedValueBox<Channel?> = NIOLockedValueBox(nil)

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    }

    /// Starts listening on `host:port` (port 0 picks a free one) and returns the base URL,
    /// e.g. `http://127.0.0.1:51234`.
    public func start(host: String = "127.0.0.1", port: Int = 0) async throws -> String {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(
                        SimulatorHTTPHandler(respond: { [self] in self.handle($0) }))
                }
            }
        let bound = try await bootstrap.bind(host: host, port: port).get()
        channel.withLockedValue { $0 = bound }
        return baseURL ?? ""
    }

    /// `http://host:port` once started.
    public var baseURL: String? {
        guard let address = channel.withLockedValue({ $0?.localAddress }), let port = address.port else { return nil }
        return "http://\(address.ipAddress ?? "127.0.0.1"):\(port)"
    }

    /// Stops listening and releases the event loop.
    public func shutdown() async throws {
        if let bound = channel.withLockedValue({ channel -> Channel? in defer { channel = nil }; return channel }) {
            try await bound.close()
        }
        try await group.shutdownGracefully()
    }

    // MARK: Configuration at run time

    /// Replaces the observer told about VMs that finish creating or are deleted.
    public func setObserver(_ observer: ARMSimulatorObserver) { state.withLockedValue { $0.observer = observer } }

    /// Adds a rule failing matching VM creations; rules are checked in the order added.
    public func addCapacityFault(_ fault: CapacityFault) { state.withLockedValue { $0.capacityFaults.append(fault) } }

    /// Adds a rule answering matching requests with 429 or 5xx; rules are checked in the order added.
    public func addRequestFault(_ fault: RequestFault) { state.withLockedValue { $0.requestFaults.append(fault) } }

    /// Drops every capacity and request fault.
    public func removeAllFaults() {
        state.withLockedValue {
            $0.capacityFaults.removeAll()
            $0.requestFaults.removeAll()
        }
    }

    /// Replaces what the retail prices API lists.
    public func setRetailPrices(_ items: [RetailPriceItem]) { state.withLockedValue { $0.retailPrices = items } }

    /// While true the retail prices API answers 503.
    public func setRetailPricesOutage(_ outage: Bool) { state.withLockedValue { $0.retailPricesOutage = outage } }

    /// Invalidates every issued token (a credential rotation): the next ARM request with one gets 401.
    public func revokeTokens() { state.withLockedValue { $0.tokens.removeAll() } }

    /// Azure evicting a spot VM with eviction policy `Delete`: the VM and its cascading NICs disappear at
    /// once and observers hear of the deletion.
    ///
    /// - Returns: false when there is no VM of that name.
    @discardableResult
    public func evictVirtualMachine(named name: String) -> Bool {
        var events: [@Sendable () -> Void] = []
        let found = state.withLockedValue { state -> Bool in
            guard let key = state.resources.first(where: { $0.value.kind == .virtualMachine && $0.value.name == name })?.key
            else { return false }
            let operationID = state.makeID()
            state.resources[key]?.pendingOperation = operationID
            state.operations[operationID] = SimulatorState.Operation(resourceKey: key, action: .delete, remainingPolls: 0,
                                                                     outcome: .succeed)
            finish(operationID, state: &state, events: &events)
            return true
        }
        for event in events { event() }
        return found
    }

    // MARK: Inspection

    /// Every VM, whatever its state, sorted by name.
    public var virtualMachines: [SimulatedVirtualMachine] {
        state.withLockedValue { state in
            state.resources.values.filter { $0.kind == .virtualMachine }.map(Self.snapshot).sorted { $0.name < $1.name }
        }
    }

    /// Names of every NIC, sorted.
    public var networkInterfaceNames: [String] {
        state.withLockedValue { $0.resources.values.filter { $0.kind == .networkInterface }.map(\.name).sorted() }
    }

    /// `METHOD path` of every request so far.
    public var requestLog: [String] { state.withLockedValue { $0.requestLog } }

    /// Token requests served so far.
    public var tokenRequests: Int { state.withLockedValue { $0.tokenRequests } }

    static func snapshot(_ resource: SimulatorState.Resource) -> SimulatedVirtualMachine {
        let body = (try? JSONSerialization.jsonObject(with: resource.body)) as? [String: Any] ?? [:]
        let properties = body["properties"] as? [String: Any] ?? [:]
        let hardware = properties["hardwareProfile"] as? [String: Any] ?? [:]
        let idParts = resource.id.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var providerParts = idParts
        if let index = idParts.firstIndex(where: { $0.lowercased() == "resourcegroups" }), index + 1 < idParts.count {
            providerParts[index + 1] = idParts[index + 1].lowercased()
        }
        return SimulatedVirtualMachine(
            name: resource.name, id: resource.id, providerID: "azure://" + providerParts.joined(separator: "/"),
            location: body["location"] as? String ?? "", vmSize: hardware["vmSize"] as? String ?? "",
            zone: (body["zones"] as? [String])?.first ?? "",
            priority: (properties["priority"] as? String).flatMap { VMPriority(rawValue: $0) } ?? .regular,
            tags: body["tags"] as? [String: String] ?? [:], provisioningState: resource.provisioningState,
            created: resource.created)
    }
}
