import NIOConcurrencyHelpers

/// The agent's own writes that the cache has not shown yet. The agent waits for them before it builds
/// a snapshot, so that it never plans from a view that misses what it just did (a NodeClaim it created
/// would otherwise be launched twice).
public final class WriteTracker: Sendable {
    private let writes = NIOLockedValueBox<[ObservedWrite]>([])

    public init() {}

    /// Records a create or patch from the object the server returned.
    public func wrote(_ resource: KubeResource, _ object: JSONValue) {
        guard let revision = UInt64(object.resourceVersion) else { return }
        writes.withLockedValue { $0.append(.revision(resource, revision)) }
    }

    /// Records a delete.
    public func deleted(_ resource: KubeResource, key: String) {
        writes.withLockedValue { $0.append(.deletion(resource, key: key)) }
    }

    /// Waits until `cache` shows every recorded write, or `timeout` passes; true when it does.
    public func waitUntilObserved(by cache: ClusterCache, timeout: Duration,
                                  poll: Duration = .milliseconds(5)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            let outstanding = writes.withLockedValue { writes in
                writes.removeAll { cache.hasObserved($0) }
                return writes.count
            }
            if outstanding == 0 { return true }
            if ContinuousClock.now >= deadline || Task.isCancelled { return false }
            try? await Task.sleep(for: poll)
        }
    }
}
