/// What the server tells each connection's handler during shutdown (as a user inbound event).
enum ConnectionEvent: Sendable {
    /// Send GOAWAY, refuse new streams, close once in-flight streams have finished.
    case goAway
    /// The drain timeout passed: cancel what is still in flight, report UNAVAILABLE, close.
    case abort
}
