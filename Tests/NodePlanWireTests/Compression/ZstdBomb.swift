/// Hand-built zstd frames that omit their content size, as a hostile sender would.
enum ZstdBomb {
    /// One frame of RLE blocks expanding to `zeros` zero bytes (a multiple of 128 KiB), with no
    /// declared content size and no checksum: 6 header bytes plus 4 bytes per 128 KiB.
    static func frameWithoutContentSize(zeros: Int) -> [UInt8] {
        let blockSize = 128 << 10
        precondition(zeros > 0 && zeros % blockSize == 0)
        // Magic number, then a descriptor with no content size and no single-segment flag, then a
        // window descriptor of 2^17 bytes (exponent 7), so each block may hold 128 KiB.
        var frame: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0x00, 7 << 3]
        let blocks = zeros / blockSize
        for block in 0..<blocks {
            let last = block == blocks - 1 ? 1 : 0
            let header = last | (1 << 1) | (blockSize << 3)  // block type 1 = RLE
            frame += [UInt8(header & 0xFF), UInt8((header >> 8) & 0xFF), UInt8((header >> 16) & 0xFF), 0x00]
        }
        return frame
    }

    /// A single-segment frame whose header declares `declared` bytes but whose one RLE block
    /// holds only `actual` (at most 128 KiB): a liar.
    static func frameDeclaring(_ declared: UInt64, actual: Int) -> [UInt8] {
        // Descriptor 0xE0: 8-byte content size field, single segment (no window descriptor).
        var frame: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0xE0]
        frame += (0..<8).map { UInt8(truncatingIfNeeded: declared >> (8 * UInt64($0))) }
        let header = 1 | (1 << 1) | (actual << 3)  // last block, RLE
        frame += [UInt8(header & 0xFF), UInt8((header >> 8) & 0xFF), UInt8((header >> 16) & 0xFF), 0x00]
        return frame
    }
}
