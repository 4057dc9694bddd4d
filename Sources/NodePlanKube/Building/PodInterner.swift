import NodePlanModel

/// Collects pod specs, giving equal specs the same index in `Snapshot.podSpecs`.
struct PodInterner {
    private(set) var specs: [PodSpec] = []
    private var indices: [PodSpec: Int32] = [:]

    mutating func index(of spec: PodSpec) -> Int32 {
        if let existing = indices[spec] { return existing }
        let index = Int32(specs.count)
        specs.append(spec)
        indices[spec] = index
        return index
    }
}
