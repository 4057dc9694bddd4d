/// When and how a sender compresses payloads. Compression is the sender's choice per frame; the
/// `COMPRESSED` flag tells the receiver.
public struct PayloadCompression: Hashable, Sendable {
    /// zstd level.
    public var level: Int32
    /// Payloads smaller than this travel uncompressed (zstd gains little on them).
    public var minimumBytes: Int

    public init(level: Int32 = Zstd.defaultLevel, minimumBytes: Int = 1024) {
        self.level = level
        self.minimumBytes = minimumBytes
    }

    /// Never compress.
    public static let disabled = PayloadCompression(minimumBytes: .max)
}
