/// Byte 6 of the frame header. Numbers match `nodeplan.v1.FrameFlag`.
public struct FrameFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The payload is one zstd frame; the message is its decompressed content.
    public static let compressed = FrameFlags(rawValue: 1 << 0)
    /// The last frame of the stream in this direction; every stream frame carries it in version 1.
    public static let endStream = FrameFlags(rawValue: 1 << 1)

    /// Every flag protocol version 1 defines; other bits are rejected.
    public static let known: FrameFlags = [.compressed, .endStream]
}
