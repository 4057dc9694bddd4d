import NIOConcurrencyHelpers
import NodePlanCatalog
import NodePlanModel

/// Instance types resolved from the built-in catalog, kept across requests.
///
/// Resolving a catalog selection filters and prices every SKU of a region for each AKSNodeClass,
/// which costs more than solving a small snapshot, and an agent sends the same selection, pools and
/// node classes with every request. Entries are keyed by the part of the snapshot the resolver
/// reads, so a hit is exactly what resolving again would give. At most `capacity` entries are
/// kept; the oldest goes first.
final class InstanceTypeCache: Sendable {
    private struct State {
        var entries: [Snapshot: [String: [InstanceType]]] = [:]
        /// Keys in insertion order, for eviction.
        var order: [Snapshot] = []
        var hits = 0
        var misses = 0
    }

    let resolver: InstanceTypeResolver
    let capacity: Int
    private let state = NIOLockedValueBox(State())

    init(resolver: InstanceTypeResolver, capacity: Int = 64) {
        precondition(capacity > 0, "an instance-type cache needs room for one entry")
        self.resolver = resolver
        self.capacity = capacity
    }

    /// Each NodePool's instance types for `snapshot`, as `InstanceTypeResolver.instanceTypes(for:)`.
    func instanceTypes(for snapshot: Snapshot) throws(CatalogError) -> [String: [InstanceType]] {
        // Without a catalog selection the snapshot's own types are shared out, which is cheaper than
        // hashing them for a lookup.
        guard snapshot.catalog != nil else { return try resolver.instanceTypes(for: snapshot) }
        let key = Self.key(of: snapshot)
        if let cached = state.withLockedValue({ state -> [String: [InstanceType]]? in
            let cached = state.entries[key]
            if cached != nil { state.hits += 1 }
            return cached
        }) {
            return cached
        }
        let resolved = try resolver.instanceTypes(for: key)
        state.withLockedValue { state in
            state.misses += 1
            guard state.entries.updateValue(resolved, forKey: key) == nil else { return }
            state.order.append(key)
            if state.order.count > capacity { state.entries.removeValue(forKey: state.order.removeFirst()) }
        }
        return resolved
    }

    /// Lookups answered from the cache and lookups that resolved, since the server started.
    var statistics: (hits: Int, misses: Int) { state.withLockedValue { ($0.hits, $0.misses) } }

    /// Entries held now.
    var count: Int { state.withLockedValue { $0.entries.count } }

    /// What the resolver reads: the cluster's region, Kubernetes version and network plugin, the
    /// catalog selection, the snapshot's own instance types, NodePools and AKSNodeClasses. Pods,
    /// nodes, the clock and the cluster's name are left out.
    private static func key(of snapshot: Snapshot) -> Snapshot {
        var cluster = snapshot.cluster
        cluster.name = ""
        cluster.now = 0
        return Snapshot(cluster: cluster, instanceTypes: snapshot.instanceTypes, catalog: snapshot.catalog,
                        nodePools: snapshot.nodePools, nodeClasses: snapshot.nodeClasses)
    }
}
