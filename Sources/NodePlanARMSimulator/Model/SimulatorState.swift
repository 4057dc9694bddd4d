import Foundation

/// Everything the simulator holds; guarded by the simulator's lock.
struct SimulatorState: Sendable {
    enum ResourceKind: Sendable { case virtualMachine, networkInterface }

    /// A stored resource: the body as PUT (JSON object bytes) plus what ARM adds.
    struct Resource: Sendable {
        var kind: ResourceKind
        /// Resource ID in the case the creator used.
        var id: String
        var name: String
        var body: Data
        var provisioningState: String
        var created: Double
        var pendingOperation: String?
    }

    struct Operation: Sendable {
        enum Action: Sendable { case create, delete }
        enum Outcome: Sendable {
            case succeed
            case fail(code: String, message: String)
        }
        var resourceKey: String
        var action: Action
        var remainingPolls: Int
        var outcome: Outcome
        var finished = false
    }

    /// Keyed by lower-cased resource ID.
    var resources: [String: Resource] = [:]
    var operations: [String: Operation] = [:]
    /// Issued bearer tokens and their expiry.
    var tokens: [String: Double] = [:]
    var tokenRequests = 0
    var capacityFaults: [CapacityFault] = []
    var requestFaults: [RequestFault] = []
    var retailPrices: [RetailPriceItem] = []
    var retailPricesOutage = false
    /// `METHOD path` of every request, in arrival order.
    var requestLog: [String] = []
    var nextID = 1
    var observer = ARMSimulatorObserver()

    mutating func makeID() -> String {
        defer { nextID += 1 }
        return String(format: "%08x-0000-4000-8000-%012x", nextID, nextID)
    }
}
