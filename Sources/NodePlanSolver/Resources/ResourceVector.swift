/// Quantities in milli-units, one per `ResourceIndex` position.
struct ResourceVector: Hashable, Sendable, RandomAccessCollection, MutableCollection {
    private var milli: [Int64]

    init(count: Int) { milli = Array(repeating: 0, count: count) }

    var startIndex: Int { 0 }
    var endIndex: Int { milli.count }
    subscript(position: Int) -> Int64 {
        get { milli[position] }
        set { milli[position] = newValue }
    }

    static func + (lhs: ResourceVector, rhs: ResourceVector) -> ResourceVector {
        var sum = lhs
        sum += rhs
        return sum
    }

    static func += (lhs: inout ResourceVector, rhs: ResourceVector) {
        for position in lhs.indices { lhs.milli[position] &+= rhs.milli[position] }
    }

    static func -= (lhs: inout ResourceVector, rhs: ResourceVector) {
        for position in lhs.indices { lhs.milli[position] &-= rhs.milli[position] }
    }

    /// Per-resource maximum.
    func maximum(_ other: ResourceVector) -> ResourceVector {
        var result = self
        for position in indices where other.milli[position] > result.milli[position] {
            result.milli[position] = other.milli[position]
        }
        return result
    }

    /// Raises each quantity to `other`'s where that is larger.
    mutating func formMaximum(_ other: ResourceVector) {
        milli.withUnsafeMutableBufferPointer { result in
            other.milli.withUnsafeBufferPointer { other in
                for position in result.indices where other[position] > result[position] {
                    result[position] = other[position]
                }
            }
        }
    }

    /// Per-resource minimum.
    func minimum(_ other: ResourceVector) -> ResourceVector {
        var result = self
        for position in indices where other.milli[position] < result.milli[position] {
            result.milli[position] = other.milli[position]
        }
        return result
    }

    /// Karpenter's `Fits` for `self + extra + overhead` against `available`: every positive total
    /// must fit (zero requests fit anywhere), and any negative available quantity never fits.
    /// Returns the first resource position that does not fit, nil when everything fits.
    func firstShortfall(adding extra: ResourceVector? = nil, overhead: ResourceVector? = nil,
                        in available: ResourceVector) -> Int? {
        for position in indices {
            if available.milli[position] < 0 { return position }
            var total = milli[position]
            if let extra { total &+= extra.milli[position] }
            if let overhead { total &+= overhead.milli[position] }
            if total > available.milli[position] { return position }
        }
        return nil
    }

    var hasNegative: Bool { milli.contains { $0 < 0 } }
}
