extension Snapshot {
    /// Appends `count` pods sharing `spec`, interning the spec if an equal one is already present.
    /// Names are `<prefix>-<n>`; returns the indices of the new pods.
    @discardableResult
    public mutating func addPods(_ spec: PodSpec, count: Int = 1, namePrefix: String, nodeName: String = "",
                                 phase: PodPhase? = nil, createdAt: Double = 0) -> Range<Int> {
        let specIndex: Int
        if let existing = podSpecs.lastIndex(of: spec) {
            specIndex = existing
        } else {
            specIndex = podSpecs.count
            podSpecs.append(spec)
        }
        let start = pods.count
        let resolvedPhase = phase ?? (nodeName.isEmpty ? .pending : .running)
        for ordinal in 0..<count {
            pods.append(Pod(name: "\(namePrefix)-\(ordinal)", uid: "\(namePrefix)-\(ordinal)", spec: Int32(specIndex),
                            nodeName: nodeName, phase: resolvedPhase, createdAt: createdAt))
        }
        return start..<pods.count
    }
}
