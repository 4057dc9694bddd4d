/// Which of a NodePool's instance-type options have room for a request vector, answered as a
/// bitmap with one binary search and one bitmap intersection per requested resource instead of
/// a vector comparison per option: every pod added to a NodeClaim filters its options this way.
struct RoomIndex: Sendable {
    private let optionCount: Int
    private let wordCount: Int
    /// Per resource, the options' rooms sorted descending.
    private let sortedRooms: [[Int64]]
    /// Per resource, `optionCount + 1` bitmaps of `wordCount` words: the k-th holds the options
    /// with the k largest rooms of that resource.
    private let prefixes: [[UInt64]]

    /// `rooms` per option (what pods may use), all of `resourceCount` resources.
    init(rooms: [ResourceVector], resourceCount: Int) {
        optionCount = rooms.count
        let wordCount = (rooms.count + 63) >> 6
        self.wordCount = wordCount
        var sortedRooms: [[Int64]] = []
        var prefixes: [[UInt64]] = []
        for position in 0..<resourceCount {
            // Ties in index order, so the result never depends on the sort's stability.
            let order = rooms.indices.sorted {
                rooms[$0][position] != rooms[$1][position] ? rooms[$0][position] > rooms[$1][position] : $0 < $1
            }
            sortedRooms.append(order.map { rooms[$0][position] })
            var words = [UInt64](repeating: 0, count: (rooms.count + 1) * wordCount)
            for (rank, option) in order.enumerated() {
                let row = (rank + 1) * wordCount
                for word in 0..<wordCount { words[row + word] = words[row - wordCount + word] }
                words[row + option >> 6] |= 1 << UInt64(option & 63)
            }
            prefixes.append(words)
        }
        self.sortedRooms = sortedRooms
        self.prefixes = prefixes
    }

    /// Keeps in `options` only those whose room holds `requests` in every resource.
    func keepFitting(_ requests: ResourceVector, in options: inout IndexBitmap) {
        for position in sortedRooms.indices {
            let rooms = sortedRooms[position]
            let need = requests[position]
            // Options with room >= need form a prefix of the descending order.
            var low = 0
            var high = optionCount
            while low < high {
                let middle = (low + high) / 2
                if rooms[middle] >= need { low = middle + 1 } else { high = middle }
            }
            if low == optionCount { continue }
            prefixes[position].withUnsafeBufferPointer { words in
                options.formIntersection(words: UnsafeBufferPointer(rebasing: words[low * wordCount..<(low + 1) * wordCount]))
            }
            if low == 0 { return }
        }
    }
}
