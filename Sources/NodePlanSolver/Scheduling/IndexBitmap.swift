/// A set of small non-negative indices (nodes, NodeClaims, instance-type options) as a bitmap:
/// the scheduler tests one per candidate per pod, and intersects a NodeClaim's remaining
/// instance types with those that fit a word at a time.
struct IndexBitmap: Hashable, Sendable, Sequence {
    private var words: [UInt64] = []

    init() {}

    /// The indices `0..<count`.
    init(all count: Int) {
        words = Array(repeating: ~0, count: count >> 6)
        if count & 63 != 0 { words.append((1 << UInt64(count & 63)) - 1) }
    }

    init(_ indices: some Sequence<Int>) {
        for index in indices { insert(index) }
    }

    func contains(_ index: Int) -> Bool {
        let word = index >> 6
        return word < words.count && words[word] & (1 << UInt64(index & 63)) != 0
    }

    mutating func insert(_ index: Int) {
        let word = index >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
        words[word] |= 1 << UInt64(index & 63)
    }

    mutating func remove(_ index: Int) {
        let word = index >> 6
        if word < words.count { words[word] &= ~(1 << UInt64(index & 63)) }
    }

    /// Adds every index `other` holds.
    mutating func formUnion(_ other: IndexBitmap) {
        if other.words.count > words.count {
            words.append(contentsOf: repeatElement(0, count: other.words.count - words.count))
        }
        words.withUnsafeMutableBufferPointer { words in
            other.words.withUnsafeBufferPointer { other in
                for word in other.indices { words[word] |= other[word] }
            }
        }
    }

    /// Keeps only the indices `other` also holds.
    mutating func formIntersection(_ other: IndexBitmap) {
        if other.words.count < words.count { words.removeLast(words.count - other.words.count) }
        words.withUnsafeMutableBufferPointer { words in
            other.words.withUnsafeBufferPointer { other in
                for word in words.indices { words[word] &= other[word] }
            }
        }
    }

    /// Keeps only the indices in the bit words `other` (the first `words.count` of them).
    mutating func formIntersection(words other: UnsafeBufferPointer<UInt64>) {
        if other.count < words.count { words.removeLast(words.count - other.count) }
        words.withUnsafeMutableBufferPointer { words in
            for word in words.indices { words[word] &= other[word] }
        }
    }

    /// The first position at or after `start` in `order` whose index this bitmap does not hold:
    /// how a walk over candidates in their order skips those it rules out, at a few instructions each.
    func firstPosition(in order: [Int], from start: Int) -> Int? {
        words.withUnsafeBufferPointer { words in
            order.withUnsafeBufferPointer { order in
                var position = start
                while position < order.count {
                    let index = order[position]
                    let word = index >> 6
                    if word >= words.count || words[word] & (1 << UInt64(index & 63)) == 0 { return position }
                    position += 1
                }
                return nil
            }
        }
    }

    var isEmpty: Bool { !words.contains { $0 != 0 } }

    /// How many indices it holds.
    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The smallest index it holds.
    var first: Int? {
        guard let word = words.firstIndex(where: { $0 != 0 }) else { return nil }
        return word << 6 + words[word].trailingZeroBitCount
    }

    /// Its indices, ascending.
    var indices: [Int] { Array(self) }

    /// The words up to the last nonzero one: equal sets, whatever their capacity.
    private var significantWords: ArraySlice<UInt64> {
        words[..<((words.lastIndex { $0 != 0 } ?? -1) + 1)]
    }

    static func == (lhs: IndexBitmap, rhs: IndexBitmap) -> Bool { lhs.significantWords == rhs.significantWords }

    func hash(into hasher: inout Hasher) {
        for word in significantWords { hasher.combine(word) }
    }

    struct Iterator: IteratorProtocol {
        fileprivate let words: [UInt64]
        fileprivate var word = 0
        fileprivate var bits: UInt64

        mutating func next() -> Int? {
            while bits == 0 {
                word += 1
                guard word < words.count else { return nil }
                bits = words[word]
            }
            let bit = bits.trailingZeroBitCount
            bits &= bits - 1
            return word << 6 + bit
        }
    }

    func makeIterator() -> Iterator { Iterator(words: words, bits: words.first ?? 0) }
}
