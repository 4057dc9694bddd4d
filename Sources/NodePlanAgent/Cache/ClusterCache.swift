import NIOConcurrencyHelpers

/// The agent's view of the cluster: the objects of every watched resource as the reflectors last saw them,
/// and how far each resource's stream has got (its resourceVersion), so that the agent can wait until its
/// own writes are visible before it builds the next snapshot.
public final class ClusterCache: Sendable {
    /// Counters for tests and logs.
    public struct Statistics: Hashable, Sendable {
        /// Full lists (the first one, and each after 410 Gone).
        public var lists: [KubeResource: Int] = [:]
        /// Watch streams opened.
        public var watches: [KubeResource: Int] = [:]
        public var bookmarks: [KubeResource: Int] = [:]
    }

    struct State {
        var objects: [KubeResource: [String: JSONValue]] = [:]
        var revisions: [KubeResource: UInt64] = [:]
        var synced: Set<KubeResource> = []
        var statistics = Statistics()
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    /// Replaces everything known about `resource` with a fresh list.
    public func replace(_ resource: KubeResource, items: [JSONValue], resourceVersion: String) {
        state.withLockedValue { state in
            state.objects[resource] = Dictionary(items.map { ($0.objectKey, $0) }, uniquingKeysWith: { _, last in last })
            if let revision = UInt64(resourceVersion) { state.revisions[resource] = revision }
            state.synced.insert(resource)
            state.statistics.lists[resource, default: 0] += 1
        }
    }

    /// Applies one watch event.
    public func apply(_ resource: KubeResource, _ event: WatchEvent) {
        state.withLockedValue { state in
            switch event.type {
            case .added, .modified: state.objects[resource, default: [:]][event.object.objectKey] = event.object
            case .deleted: state.objects[resource]?[event.object.objectKey] = nil
            case .bookmark: state.statistics.bookmarks[resource, default: 0] += 1
            case .error: return
            }
            if let revision = UInt64(event.object.resourceVersion) {
                state.revisions[resource] = max(state.revisions[resource] ?? 0, revision)
            }
        }
    }

    func noteWatchStarted(_ resource: KubeResource) {
        state.withLockedValue { $0.statistics.watches[resource, default: 0] += 1 }
    }

    /// Every object of `resource`, sorted by key.
    public func objects(_ resource: KubeResource) -> [JSONValue] {
        state.withLockedValue { state in
            let objects = state.objects[resource] ?? [:]
            return objects.keys.sorted().map { objects[$0]! }
        }
    }

    /// One object by `namespace/name` (or `name`).
    public func object(_ resource: KubeResource, key: String) -> JSONValue? {
        state.withLockedValue { $0.objects[resource]?[key] }
    }

    /// Whether every resource in `resources` has been listed at least once.
    public func isSynced(_ resources: [KubeResource]) -> Bool {
        state.withLockedValue { state in resources.allSatisfy { state.synced.contains($0) } }
    }

    /// Whether `write` is reflected in the cache.
    public func hasObserved(_ write: ObservedWrite) -> Bool {
        state.withLockedValue { state in
            switch write {
            case .revision(let resource, let revision): (state.revisions[resource] ?? 0) >= revision
            case .deletion(let resource, let key):
                state.objects[resource]?[key].map { $0.isDeleting } ?? true
            }
        }
    }

    public var statistics: Statistics { state.withLockedValue { $0.statistics } }
}

/// A write the agent made, to wait for before trusting the cache again.
public enum ObservedWrite: Hashable, Sendable {
    /// A create or patch that committed at this resourceVersion.
    case revision(KubeResource, UInt64)
    /// A delete: the object must be gone or terminating.
    case deletion(KubeResource, key: String)
}
