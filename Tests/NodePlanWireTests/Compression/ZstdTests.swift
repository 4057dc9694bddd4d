import NodePlanWire
import Testing

@Suite struct ZstdTests {
    private let text = Array(String(repeating: "nodeplan snapshot pods and nodes ", count: 2000).utf8)

    @Test func roundTripRestoresTheBytes() throws {
        let compressed = try Zstd.compress(text, level: 3)
        #expect(compressed.count < text.count / 10)
        #expect(try Zstd.decompress(compressed, maxSize: text.count) == text)
    }

    @Test func roundTripOfEmptyInput() throws {
        let compressed = try Zstd.compress([UInt8](), level: 1)
        #expect(try Zstd.decompress(compressed, maxSize: 0) == [])
    }

    @Test func acceptsNonContiguousCollections() throws {
        let compressed = try Zstd.compress(text.lazy.map { $0 })
        #expect(try Zstd.decompress(compressed[...], maxSize: text.count) == text)
    }

    @Test func rejectsInvalidLevel() {
        #expect(throws: ZstdError.self) { try Zstd.compress(text, level: 1000) }
    }

    @Test func rejectsDeclaredSizeAboveLimitBeforeDecoding() throws {
        // A bomb: 64 MiB of zeros compress to a few kilobytes.
        let bomb = try Zstd.compress([UInt8](repeating: 0, count: 64 << 20), level: 1)
        #expect(bomb.count < 64 << 10)
        let error = try #require(throws: ZstdError.self) { try Zstd.decompress(bomb, maxSize: 1 << 20) }
        #expect(error.kind == .tooLarge)
        #expect(error.message.contains("declares 67108864 bytes"))
    }

    @Test func capsOutputOfFramesWithoutDeclaredSize() throws {
        let bomb = ZstdBomb.frameWithoutContentSize(zeros: 4 << 20)
        let error = try #require(throws: ZstdError.self) { try Zstd.decompress(bomb, maxSize: 1 << 20) }
        #expect(error.kind == .tooLarge)
        #expect(try Zstd.decompress(bomb, maxSize: 4 << 20).count == 4 << 20)
    }

    @Test func rejectsFrameWhoseContentFallsShortOfItsDeclaredSize() throws {
        let liar = ZstdBomb.frameDeclaring(200 << 20, actual: 1000)
        let error = try #require(throws: ZstdError.self) { try Zstd.decompress(liar, maxSize: 512 << 20) }
        #expect(error.kind == .corrupt)
        #expect(try Zstd.decompress(ZstdBomb.frameDeclaring(1000, actual: 1000), maxSize: 1000) == [UInt8](repeating: 0, count: 1000))
    }

    @Test func limitIsInclusive() throws {
        let compressed = try Zstd.compress(text)
        #expect(try Zstd.decompress(compressed, maxSize: text.count).count == text.count)
        let error = try #require(throws: ZstdError.self) { try Zstd.decompress(compressed, maxSize: text.count - 1) }
        #expect(error.kind == .tooLarge)
    }

    @Test func rejectsGarbage() {
        let error = #expect(throws: ZstdError.self) { try Zstd.decompress(Array("not zstd at all".utf8), maxSize: 1000) }
        #expect(error?.kind == .corrupt)
        #expect(throws: ZstdError.self) { try Zstd.decompress([UInt8](), maxSize: 1000) }
    }

    @Test func rejectsTruncatedFrame() throws {
        let compressed = try Zstd.compress(text)
        let error = try #require(throws: ZstdError.self) {
            try Zstd.decompress(compressed.dropLast(8), maxSize: text.count)
        }
        #expect(error.kind == .corrupt)
    }

    @Test func rejectsDamagedContent() throws {
        var compressed = try Zstd.compress(text)
        compressed[compressed.count / 2] ^= 0xFF
        #expect(throws: ZstdError.self) { try Zstd.decompress(compressed, maxSize: text.count) }
    }
}
