/// What a watch connection is sent next.
enum WatchFeed: Sendable {
    /// One serialized event line.
    case line([UInt8])
    /// Close the connection abruptly, without the end of the chunked body (a dropped watch).
    case drop
}
