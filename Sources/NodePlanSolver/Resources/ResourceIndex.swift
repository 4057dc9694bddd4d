import NodePlanModel

/// Dense numbering of the resource names one solve uses, so requests and capacities become
/// fixed-length vectors instead of dictionaries in the hot path.
struct ResourceIndex: Sendable {
    private(set) var names: [String] = []
    private var positions: [String: Int] = [:]

    /// Numbers cpu, memory, pods and ephemeral-storage first, then every other name in `lists` (sorted).
    init(_ lists: [ResourceList]) {
        for name in [ResourceName.cpu, ResourceName.memory, ResourceName.pods, ResourceName.ephemeralStorage] {
            insert(name)
        }
        var others = Set<String>()
        for list in lists { for name in list.names where positions[name] == nil { others.insert(name) } }
        for name in others.sorted() { insert(name) }
    }

    var count: Int { names.count }
    func position(of name: String) -> Int? { positions[name] }

    /// The vector form of `list`; names this index does not know are dropped.
    func vector(_ list: ResourceList) -> ResourceVector {
        var vector = ResourceVector(count: names.count)
        for entry in list.entries {
            if let position = positions[entry.name] { vector[position] = entry.quantity.milli }
        }
        return vector
    }

    /// The list form of `vector`, zero entries omitted.
    func list(_ vector: ResourceVector) -> ResourceList {
        var list = ResourceList()
        for (position, milli) in vector.enumerated() where milli != 0 { list[names[position]] = Quantity(milli: milli) }
        return list
    }

    private mutating func insert(_ name: String) {
        positions[name] = names.count
        names.append(name)
    }
}
