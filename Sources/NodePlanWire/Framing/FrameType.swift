/// Byte 5 of the frame header: what a frame carries. Numbers match `nodeplan.v1.FrameType`.
public enum FrameType: UInt8, CaseIterable, Hashable, Sendable {
    /// Stream 0. Client: `Hello` (token), the first frame of a connection. Server: `HelloAck`.
    case hello = 1
    /// Stream > 0, client to server: the method's request message.
    case request = 2
    /// Stream > 0, server to client: the method's response message.
    case response = 3
    /// Any stream: an `Error`. On stream 0 the sender then closes the connection.
    case error = 4
    /// Stream > 0, client to server, no payload: the client abandons the stream.
    case cancel = 5
    /// Stream 0, either direction, 8 opaque payload bytes.
    case ping = 6
    /// Stream 0, echoes a ping's 8 payload bytes.
    case pong = 7
    /// Stream 0, server to client: `GoAway`; no new streams, in-flight ones finish.
    case goAway = 8
}

extension FrameType: CustomStringConvertible {
    public var description: String {
        switch self {
        case .hello: "HELLO"
        case .request: "REQUEST"
        case .response: "RESPONSE"
        case .error: "ERROR"
        case .cancel: "CANCEL"
        case .ping: "PING"
        case .pong: "PONG"
        case .goAway: "GOAWAY"
        }
    }
}
