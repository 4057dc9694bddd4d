import NodePlanModel

/// Appends pods to a snapshot, sharing one `PodSpec` entry per distinct shape in constant time
/// per pod (a hash lookup, not the linear scan of `Snapshot.addPods`).
struct PodInterner {
    var snapshot: Snapshot
    private var specIndex: [PodSpec: Int32] = [:]
    private var counters: [String: Int] = [:]

    init(_ snapshot: Snapshot) {
        self.snapshot = snapshot
        for (index, spec) in snapshot.podSpecs.enumerated() { specIndex[spec] = Int32(index) }
    }

    /// Adds `count` pods of `spec` named `<prefix>-<n>` (n continues across calls per prefix).
    mutating func add(_ spec: PodSpec, count: Int = 1, prefix: String, nodeName: String = "", createdAt: Double = 0) {
        let index: Int32
        if let existing = specIndex[spec] {
            index = existing
        } else {
            index = Int32(snapshot.podSpecs.count)
            snapshot.podSpecs.append(spec)
            specIndex[spec] = index
        }
        let start = counters[prefix, default: 0]
        counters[prefix] = start + count
        for ordinal in start..<(start + count) {
            let name = "\(prefix)-\(ordinal)"
            snapshot.pods.append(Pod(name: name, uid: name, spec: index, nodeName: nodeName,
                                     phase: nodeName.isEmpty ? .pending : .running, createdAt: createdAt))
        }
    }
}
