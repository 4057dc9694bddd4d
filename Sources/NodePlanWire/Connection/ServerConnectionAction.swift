import NIOCore

/// What a server does in response to an event on a connection, as decided by `ServerConnectionState`.
public enum ServerConnectionAction: Hashable, Sendable {
    /// Write this frame to the client.
    case send(Frame)
    /// Serve this request: decode it with `WireRequest(frame:)` (answering a decoding error on its
    /// stream), run it within its deadline, then report `streamFinished`.
    case serve(Frame)
    /// Stop serving this stream; send nothing more on it, then report `streamFinished`.
    case cancel(streamID: UInt32)
    /// The client answered a ping with these 8 bytes: the connection is alive.
    case pongReceived(UInt64)
    /// Close the connection after writing the frames sent before, abandoning streams still served.
    case close
}
