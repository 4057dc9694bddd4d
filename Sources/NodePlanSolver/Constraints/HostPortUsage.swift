import NodePlanModel

/// Host ports in use on one node: `<hostIP, port, protocol>` must be unique, and the wildcard
/// addresses (empty, 0.0.0.0, ::) conflict with every address.
struct HostPortUsage: Hashable, Sendable {
    private(set) var ports: [HostPort] = []

    init(_ ports: [HostPort] = []) { for port in ports { insert(port) } }

    var isEmpty: Bool { ports.isEmpty }

    /// The first port of `candidates` already used here.
    func firstConflict(with candidates: [HostPort]) -> HostPort? {
        candidates.first { candidate in ports.contains { Self.conflict($0, candidate) } }
    }

    mutating func insert(_ port: HostPort) {
        guard port.port > 0 else { return }
        ports.append(port)
    }

    mutating func insert(contentsOf other: [HostPort]) { for port in other { insert(port) } }

    private static func conflict(_ lhs: HostPort, _ rhs: HostPort) -> Bool {
        guard lhs.port == rhs.port, normalizedProtocol(lhs) == normalizedProtocol(rhs) else { return false }
        return isWildcard(lhs.hostIP) || isWildcard(rhs.hostIP) || lhs.hostIP == rhs.hostIP
    }

    private static func isWildcard(_ address: String) -> Bool { address.isEmpty || address == "0.0.0.0" || address == "::" }
    private static func normalizedProtocol(_ port: HostPort) -> String { port.protocol.isEmpty ? "TCP" : port.protocol }
}
