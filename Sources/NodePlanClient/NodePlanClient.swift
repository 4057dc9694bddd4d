import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NodePlanModel
import NodePlanWire

/// An async client for a nodeplan server with a small pool of connections.
///
/// Calls are spread round-robin over `connections` connections, each opened on first use and
/// replaced when it breaks or the server sends GOAWAY. Every method is a pure computation on the
/// server, so a call that fails with UNAVAILABLE because its connection went away is retried once
/// on a fresh connection. Cancelling the calling task cancels the call on the server.
public final class NodePlanClient: Sendable {
    private enum Slot {
        case empty
        case connecting(Task<NodePlanConnection, any Error>)
        case ready(NodePlanConnection)
    }

    private struct Pool {
        var slots: [Slot]
        var next = 0
        var closed = false
    }

    public let host: String
    public let port: Int
    private let token: String
    private let clientName: String
    private let compression: PayloadCompression
    private let tls: ClientTLS?
    private let group: any EventLoopGroup
    private let pool: NIOLockedValueBox<Pool>

    /// A client that connects lazily (over TLS when `tls` is given); see
    /// `connect(host:port:token:connections:clientName:tls:)` to fail fast.
    public init(host: String, port: Int, token: String, connections: Int = 2, clientName: String = "nodeplan-swift",
                compression: PayloadCompression = PayloadCompression(), tls: ClientTLS? = nil,
                group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        precondition(connections > 0, "a client needs at least one connection")
        self.host = host
        self.port = port
        self.token = token
        self.clientName = clientName
        self.compression = compression
        self.tls = tls
        self.group = group
        pool = NIOLockedValueBox(Pool(slots: Array(repeating: .empty, count: connections)))
    }

    /// A client whose first connection is open and authenticated.
    public static func connect(host: String, port: Int, token: String, connections: Int = 2,
                               clientName: String = "nodeplan-swift", tls: ClientTLS? = nil) async throws -> NodePlanClient {
        let client = NodePlanClient(host: host, port: port, token: token, connections: connections, clientName: clientName,
                                    tls: tls)
        _ = try await client.connection()
        return client
    }

    /// Provisioning for `snapshot`.
    public func solve(_ snapshot: Snapshot, deadline: Duration? = nil) async throws -> Plan {
        guard case .solve(let plan) = try await call(.solve(snapshot), deadline: deadline) else { throw mismatch(.solve) }
        return plan
    }

    /// Provisioning, then consolidation.
    public func plan(_ snapshot: Snapshot, deadline: Duration? = nil) async throws -> Plan {
        guard case .plan(let plan) = try await call(.plan(snapshot), deadline: deadline) else { throw mismatch(.plan) }
        return plan
    }

    /// Consolidation only.
    public func consolidate(_ snapshot: Snapshot, deadline: Duration? = nil) async throws -> Plan {
        guard case .consolidate(let plan) = try await call(.consolidate(snapshot), deadline: deadline) else {
            throw mismatch(.consolidate)
        }
        return plan
    }

    /// The server validator's violations of `plan` for `snapshot`; empty when the plan is valid.
    public func validate(_ plan: Plan, for snapshot: Snapshot, deadline: Duration? = nil) async throws -> [String] {
        guard case .validate(let violations) = try await call(.validate(snapshot, plan), deadline: deadline) else {
            throw mismatch(.validate)
        }
        return violations
    }

    /// Whether the server is serving or draining.
    public func health(deadline: Duration? = nil) async throws -> Nodeplan_V1_ServingStatus {
        guard case .health(let status) = try await call(.health, deadline: deadline) else { throw mismatch(.health) }
        return status
    }

    /// The server's version, catalog version, protocol versions and methods.
    public func serverInfo(deadline: Duration? = nil) async throws -> Nodeplan_V1_ServerInfoResponse {
        guard case .serverInfo(let info) = try await call(.serverInfo, deadline: deadline) else { throw mismatch(.serverInfo) }
        return info
    }

    /// Calls `request` on a pooled connection, retrying once on a fresh one if the connection failed.
    public func call(_ request: WireRequest, deadline: Duration? = nil) async throws -> WireResponse {
        let connection = try await self.connection()
        do {
            return try await connection.call(request, deadline: deadline)
        } catch let error as WireError where error.code == .unavailable && !connection.isUsable {
            return try await self.connection().call(request, deadline: deadline)
        }
    }

    /// Closes every connection; later calls fail.
    public func close() async {
        let slots = pool.withLockedValue { pool in
            pool.closed = true
            defer { pool.slots = pool.slots.map { _ in .empty } }
            return pool.slots
        }
        for slot in slots {
            switch slot {
            case .ready(let connection): await connection.close()
            case .connecting(let task): if let connection = try? await task.value { await connection.close() }
            case .empty: break
            }
        }
    }

    /// The next connection in turn, opening (or replacing) it when needed.
    func connection() async throws -> NodePlanConnection {
        let (slot, index) = try pool.withLockedValue { pool in
            guard !pool.closed else { throw WireError(.unavailable, "the client is closed") }
            let index = pool.next
            pool.next = (pool.next + 1) % pool.slots.count
            switch pool.slots[index] {
            case .ready(let connection) where connection.isUsable:
                return (Slot.ready(connection), index)
            case .connecting(let task):
                return (Slot.connecting(task), index)
            case .ready, .empty:
                let task = Task { [host, port, token, clientName, compression, tls, group] in
                    try await NodePlanConnection.connect(host: host, port: port, token: token, clientName: clientName,
                                                         compression: compression, tls: tls, group: group)
                }
                pool.slots[index] = .connecting(task)
                return (Slot.connecting(task), index)
            }
        }
        guard case .connecting(let task) = slot else {
            if case .ready(let connection) = slot { return connection }
            throw WireError(.internal, "empty connection slot")
        }
        do {
            let connection = try await task.value
            pool.withLockedValue { pool in
                if case .connecting = pool.slots[index], !pool.closed { pool.slots[index] = .ready(connection) }
            }
            return connection
        } catch {
            pool.withLockedValue { pool in
                if case .connecting = pool.slots[index] { pool.slots[index] = .empty }
            }
            throw error
        }
    }

    private func mismatch(_ method: RPCMethod) -> WireError {
        WireError(.internal, "the server answered \(method) with another method's response")
    }
}
