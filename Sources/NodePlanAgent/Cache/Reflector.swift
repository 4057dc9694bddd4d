import Logging

/// Keeps one resource of the cache current, as client-go's reflector does: list, then watch from the
/// list's resourceVersion (bookmarks move it forward while nothing changes); when the stream ends, watch
/// again from the last version seen; on 410 Gone (that version was compacted) list again; on any other
/// failure wait with exponential backoff and retry.
public struct Reflector: Sendable {
    public let resource: KubeResource
    public let client: KubeClient
    public let cache: ClusterCache
    public var backoff: Backoff
    public var logger: Logger

    public init(resource: KubeResource, client: KubeClient, cache: ClusterCache, backoff: Backoff = Backoff(),
                logger: Logger = Logger(label: "nodeplan.agent.reflector")) {
        self.resource = resource
        self.client = client
        self.cache = cache
        self.backoff = backoff
        self.logger = logger
    }

    /// Runs until the task is cancelled.
    public func run() async {
        var resourceVersion: String?
        var failures = 0
        while !Task.isCancelled {
            do {
                if resourceVersion == nil {
                    let list = try await client.list(resource)
                    cache.replace(resource, items: list.items, resourceVersion: list.resourceVersion)
                    resourceVersion = list.resourceVersion
                }
                cache.noteWatchStarted(resource)
                try await client.watch(resource, resourceVersion: resourceVersion ?? "") { event in
                    cache.apply(resource, event)
                    if !event.object.resourceVersion.isEmpty { resourceVersion = event.object.resourceVersion }
                    failures = 0
                }
            } catch let error as KubeAPIError where error.isGone {
                logger.info("watch expired, listing again", metadata: ["resource": "\(resource)", "error": "\(error)"])
                resourceVersion = nil
            } catch {
                if Task.isCancelled { return }
                failures += 1
                let delay = backoff.delay(afterFailures: failures)
                logger.warning("list/watch failed, retrying", metadata: [
                    "resource": "\(resource)", "error": "\(error)", "retryIn": "\(delay)",
                ])
                try? await Task.sleep(for: delay)
            }
        }
    }
}
