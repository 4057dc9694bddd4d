/// Why zstd compression or decompression failed.
public struct ZstdError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, in terms a caller can map to a status code.
    public enum Kind: Hashable, Sendable {
        /// The compression level is outside what libzstd supports.
        case invalidLevel
        /// The input is not a well-formed zstd frame (or is cut short).
        case corrupt
        /// The content is, or declares itself, larger than the caller's limit.
        case tooLarge
        /// libzstd failed for another reason (allocation, internal error).
        case failed
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "zstd: \(message)" }
}
