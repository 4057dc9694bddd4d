/// Deletes instances the agent's cloud owns that no NodeClaim accounts for (a crash between the cloud call
/// and the NodeClaim's deletion, or a claim deleted by hand), once they are older than a grace period that
/// covers the time between creating a NodeClaim and seeing it in the cache.
public struct GarbageCollector: Sendable {
    public var context: ExecutionContext
    /// Seconds an unclaimed instance may exist before it is deleted.
    public var gracePeriod: Double

    public init(context: ExecutionContext, gracePeriod: Double) {
        self.context = context
        self.gracePeriod = gracePeriod
    }

    /// One pass at `now` (seconds since the Unix epoch); returns the NodeClaim names whose instances were deleted.
    @discardableResult
    public func collect(now: Double) async -> [String] {
        do {
            let claims = Set(context.cache.objects(.nodeClaims).map(\.name))
            var deleted: [String] = []
            for instance in try await context.cloud.list()
            where !claims.contains(instance.nodeClaim) && now - instance.createdAt >= gracePeriod {
                try await context.cloud.delete(nodeClaim: instance.nodeClaim)
                deleted.append(instance.nodeClaim)
                context.logger.notice("deleted orphan instance", metadata: ["nodeclaim": "\(instance.nodeClaim)"])
            }
            return deleted
        } catch {
            context.logger.warning("garbage collection failed", metadata: ["error": "\(error)"])
            return []
        }
    }
}
