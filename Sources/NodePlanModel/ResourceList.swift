/// A set of named resource quantities (requests, capacity, allocatable, limits).
///
/// Missing names read as zero. Entries are kept sorted by name so that equal lists compare,
/// hash and encode identically.
public struct ResourceList: Hashable, Sendable {
    public private(set) var entries: [(name: String, quantity: Quantity)]

    public init() { entries = [] }

    public init(_ values: [String: Quantity]) {
        entries = values.sorted { $0.key < $1.key }.map { (name: $0.key, quantity: $0.value) }
    }

    public init(cpu: Quantity? = nil, memory: Quantity? = nil, pods: Quantity? = nil) {
        self.init()
        if let cpu { self[ResourceName.cpu] = cpu }
        if let memory { self[ResourceName.memory] = memory }
        if let pods { self[ResourceName.pods] = pods }
    }

    public subscript(name: String) -> Quantity {
        get { index(of: name).found.map { entries[$0].quantity } ?? .zero }
        set {
            let (found, position) = index(of: name)
            if let found { entries[found].quantity = newValue } else { entries.insert((name, newValue), at: position) }
        }
    }

    public var names: [String] { entries.map(\.name) }
    public var isEmpty: Bool { entries.isEmpty }
    public func contains(_ name: String) -> Bool { index(of: name).found != nil }

    public mutating func remove(_ name: String) {
        if let found = index(of: name).found { entries.remove(at: found) }
    }

    /// Adds every entry of `other` to this list.
    public mutating func add(_ other: ResourceList) {
        for entry in other.entries { self[entry.name] += entry.quantity }
    }

    /// Subtracts every entry of `other` from this list (results may become negative).
    public mutating func subtract(_ other: ResourceList) {
        for entry in other.entries { self[entry.name] -= entry.quantity }
    }

    public static func + (lhs: ResourceList, rhs: ResourceList) -> ResourceList {
        var sum = lhs
        sum.add(rhs)
        return sum
    }

    public static func - (lhs: ResourceList, rhs: ResourceList) -> ResourceList {
        var difference = lhs
        difference.subtract(rhs)
        return difference
    }

    /// Per-resource maximum of the two lists.
    public func maximum(_ other: ResourceList) -> ResourceList {
        var result = self
        for entry in other.entries where entry.quantity > result[entry.name] { result[entry.name] = entry.quantity }
        return result
    }

    /// True when every requested quantity fits in this list. Zero requests always fit, even for
    /// resources this list does not name (Karpenter accepts zero extended-resource requests).
    public func fits(_ requests: ResourceList) -> Bool {
        requests.entries.allSatisfy { $0.quantity.milli <= 0 || $0.quantity <= self[$0.name] }
    }

    public static func == (lhs: ResourceList, rhs: ResourceList) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.name == $1.name && $0.quantity == $1.quantity }
    }

    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.name)
            hasher.combine(entry.quantity)
        }
    }

    private func index(of name: String) -> (found: Int?, position: Int) {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].name < name { low = middle + 1 } else { high = middle }
        }
        return (low < entries.count && entries[low].name == name ? low : nil, low)
    }
}

extension ResourceList: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Quantity)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { $1 }))
    }
}

extension ResourceList: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try [String: Quantity](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0.quantity) }).encode(to: encoder)
    }
}

extension ResourceList: CustomStringConvertible {
    public var description: String { entries.map { "\($0.name)=\($0.quantity)" }.joined(separator: ",") }
}
