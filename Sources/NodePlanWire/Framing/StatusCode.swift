/// The outcome of a stream or connection: gRPC's status codes with gRPC's numbers, as in
/// `nodeplan.v1.StatusCode`.
public enum StatusCode: UInt32, CaseIterable, Hashable, Sendable {
    case ok = 0
    /// The client cancelled the stream.
    case cancelled = 1
    case unknown = 2
    /// The request (frame, payload or message) is malformed or invalid; the field path says where.
    case invalidArgument = 3
    /// The request's deadline passed before a response was ready.
    case deadlineExceeded = 4
    case notFound = 5
    case alreadyExists = 6
    case permissionDenied = 7
    /// A limit was hit: frame size, decompressed size, concurrent streams.
    case resourceExhausted = 8
    case failedPrecondition = 9
    case aborted = 10
    case outOfRange = 11
    /// The method or protocol version is not implemented by this peer.
    case unimplemented = 12
    /// A bug on the server.
    case `internal` = 13
    /// The server cannot take the stream now (draining, overloaded); retrying elsewhere is safe.
    case unavailable = 14
    case dataLoss = 15
    /// The hello frame's token was missing or wrong, or a frame came before the hello.
    case unauthenticated = 16
}

extension StatusCode: CustomStringConvertible {
    /// gRPC's spelling, e.g. `INVALID_ARGUMENT`.
    public var description: String {
        switch self {
        case .ok: "OK"
        case .cancelled: "CANCELLED"
        case .unknown: "UNKNOWN"
        case .invalidArgument: "INVALID_ARGUMENT"
        case .deadlineExceeded: "DEADLINE_EXCEEDED"
        case .notFound: "NOT_FOUND"
        case .alreadyExists: "ALREADY_EXISTS"
        case .permissionDenied: "PERMISSION_DENIED"
        case .resourceExhausted: "RESOURCE_EXHAUSTED"
        case .failedPrecondition: "FAILED_PRECONDITION"
        case .aborted: "ABORTED"
        case .outOfRange: "OUT_OF_RANGE"
        case .unimplemented: "UNIMPLEMENTED"
        case .internal: "INTERNAL"
        case .unavailable: "UNAVAILABLE"
        case .dataLoss: "DATA_LOSS"
        case .unauthenticated: "UNAUTHENTICATED"
        }
    }
}
