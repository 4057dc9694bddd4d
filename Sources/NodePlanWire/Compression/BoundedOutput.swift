/// A growable byte buffer that never grows past `limit` bytes (plus one probe byte, which is how
/// the decoder tells "exactly at the limit" from "over it").
struct BoundedOutput: ~Copyable {
    let limit: Int
    private var storage: UnsafeMutableRawBufferPointer
    var count = 0

    init(limit: Int) {
        self.limit = limit
        storage = UnsafeMutableRawBufferPointer.allocate(byteCount: 0, alignment: 1)
    }

    deinit { storage.deallocate() }

    var isFull: Bool { count == storage.count }

    /// Makes room for `capacity` bytes (bounded by the limit plus the probe byte).
    mutating func reserve(_ capacity: Int) {
        let target = min(capacity, limit) + 1
        guard target > storage.count else { return }
        let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: target, alignment: 1)
        if count > 0 { larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: storage[..<count])) }
        storage.deallocate()
        storage = larger
    }

    /// Doubles the capacity; false when it already has room for more than `limit` bytes.
    mutating func grow() -> Bool {
        guard storage.count <= limit else { return false }
        reserve(max(storage.count * 2, 64 << 10))
        return true
    }

    /// Lends the unused tail of the buffer; the caller adds what it wrote to `count`.
    mutating func withSpareCapacity<Result>(
        _ body: (UnsafeMutableRawBufferPointer) throws(ZstdError) -> Result
    ) throws(ZstdError) -> Result {
        try body(UnsafeMutableRawBufferPointer(rebasing: storage[count...]))
    }

    /// The content; throws if it went past the limit.
    var bytes: [UInt8] {
        get throws(ZstdError) {
            guard count <= limit else {
                throw ZstdError(.tooLarge, "decompressed content exceeds the limit of \(limit) bytes")
            }
            return [UInt8](UnsafeRawBufferPointer(rebasing: storage[..<count]))
        }
    }
}
