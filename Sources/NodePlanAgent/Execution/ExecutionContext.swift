import Logging

/// What every execution step uses: the API, the cache, the cloud, the write tracker and a logger.
public struct ExecutionContext: Sendable {
    public var kube: KubeClient
    public var cache: ClusterCache
    public var cloud: any CloudProvider
    public var writes: WriteTracker
    public var logger: Logger

    public init(kube: KubeClient, cache: ClusterCache, cloud: any CloudProvider, writes: WriteTracker, logger: Logger) {
        self.kube = kube
        self.cache = cache
        self.cloud = cloud
        self.writes = writes
        self.logger = logger
    }

    /// Merge-patches an object and records the write.
    @discardableResult
    func patch(_ resource: KubeResource, _ object: JSONValue, _ patch: JSONValue, subresource: String? = nil) async throws
        -> JSONValue {
        let result = try await kube.patch(resource, namespace: object.namespace, name: object.name, patch,
                                          subresource: subresource)
        writes.wrote(resource, result)
        return result
    }

    /// Creates an object and records the write.
    @discardableResult
    func create(_ resource: KubeResource, namespace: String = "", _ object: JSONValue) async throws -> JSONValue {
        let result = try await kube.create(resource, namespace: namespace, object)
        writes.wrote(resource, result)
        return result
    }

    /// Deletes an object and records the write.
    func delete(_ resource: KubeResource, _ object: JSONValue) async throws {
        try await kube.delete(resource, namespace: object.namespace, name: object.name)
        writes.deleted(resource, key: object.objectKey)
    }

    /// The Node a NodeClaim launched, by `status.nodeName` or provider ID.
    func node(of claim: JSONValue) -> JSONValue? {
        if let nodeName = claim[["status", "nodeName"]]?.stringValue, !nodeName.isEmpty,
           let node = cache.object(.nodes, key: nodeName) {
            return node
        }
        guard let providerID = claim[["status", "providerID"]]?.stringValue, !providerID.isEmpty else { return nil }
        return cache.objects(.nodes).first { $0[["spec", "providerID"]]?.stringValue == providerID }
    }

    /// The NodeClaim of a Node.
    func claim(of node: JSONValue) -> JSONValue? {
        let providerID = node[["spec", "providerID"]]?.stringValue ?? ""
        return cache.objects(.nodeClaims).first {
            $0[["status", "nodeName"]]?.stringValue == node.name
                || (!providerID.isEmpty && $0[["status", "providerID"]]?.stringValue == providerID)
        }
    }
}
