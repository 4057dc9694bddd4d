import NodePlanModel

extension SnapshotBuilder {
    /// The given cluster facts, with the region and Kubernetes version the nodes report, and the
    /// latest input timestamp as `now` when none was given.
    func clusterFacts() -> Cluster {
        var facts = cluster
        if let region = SnapshotBuilder.mostCommon(nodes.compactMap { $0.labels[WellKnownLabel.region] }) {
            facts.region = region
        }
        if let version = SnapshotBuilder.mostCommon(kubeletVersions.compactMap(SnapshotBuilder.minorVersion)) {
            facts.kubernetesVersion = version
        }
        if facts.now == 0 { facts.now = latestTimestamp }
        return facts
    }

    /// `v1.33.2` → `1.33`.
    private static func minorVersion(_ kubeletVersion: String) -> String? {
        let parts = kubeletVersion.drop { $0 == "v" }.split(separator: ".")
        guard parts.count >= 2, Int(parts[0]) != nil, let minor = Int(parts[1].prefix { $0.isNumber }) else { return nil }
        return "\(parts[0]).\(minor)"
    }

    /// The most frequent value, ties broken by the smallest.
    private static func mostCommon(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.min { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }?.key
    }
}
