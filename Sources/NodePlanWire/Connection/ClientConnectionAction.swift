/// What a client does in response to an event on a connection, as decided by `ClientConnectionState`.
public enum ClientConnectionAction: Hashable, Sendable {
    /// Write this frame to the server.
    case send(Frame)
    /// The server accepted the hello; calls may start. Carries the server's limits.
    case ready(Nodeplan_V1_HelloAck)
    /// The answer to a call: decode it with `WireResponse(frame:podCount:)`.
    case response(Frame)
    /// A call failed (stream > 0), or the whole connection did (stream 0, followed by `.close`).
    /// `UNAVAILABLE` failures were never processed and are safe to retry on another connection.
    case failed(streamID: UInt32, WireError)
    /// The server answered a ping with these 8 bytes: the connection is alive.
    case pongReceived(UInt64)
    /// Close the connection after writing the frames sent before.
    case close
}
