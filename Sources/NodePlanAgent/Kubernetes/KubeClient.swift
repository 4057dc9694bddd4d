import NIOCore
import NIOHTTP1
import NIOPosix

/// The Kubernetes API calls the agent makes: list, watch, get, create, merge patch, delete, evict.
///
/// Throttling (429) and server errors (5xx) are retried a few times, honouring `Retry-After`, except for
/// evictions, whose 429 means a PodDisruptionBudget said no and is the caller's to handle.
public struct KubeClient: Sendable {
    /// A list response: the items (with `kind` and `apiVersion` filled in) and the version to watch from.
    public struct ListResult: Sendable {
        public var items: [JSONValue]
        public var resourceVersion: String
    }

    public let transport: HTTPTransport
    /// Attempts for a request that gets 429 or 5xx.
    public var attempts: Int
    /// Wait before a retry when the server gives no `Retry-After`, doubled each time.
    public var retryDelay: Duration

    public init(configuration: KubeConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                attempts: Int = 3, retryDelay: Duration = .milliseconds(200)) throws {
        transport = try HTTPTransport(configuration: configuration, group: group)
        self.attempts = attempts
        self.retryDelay = retryDelay
    }

    public func list(_ resource: KubeResource, namespace: String? = nil) async throws -> ListResult {
        let document = try await call(.GET, resource.collectionPath(namespace: namespace))
        let items = (document["items"]?.arrayValue ?? []).map { item -> JSONValue in
            var item = item
            item["kind"] = .string(resource.kind)
            item["apiVersion"] = .string(resource.apiVersion)
            return item
        }
        return ListResult(items: items, resourceVersion: document[["metadata", "resourceVersion"]]?.stringValue ?? "")
    }

    /// Watches `resource` from `resourceVersion`, calling `onEvent` for each event until the server ends the
    /// stream. An ERROR event is thrown as `KubeAPIError` (410 Gone when the version was compacted).
    public func watch(_ resource: KubeResource, resourceVersion: String, timeoutSeconds: Int = 300,
                      onEvent: (WatchEvent) async throws -> Void) async throws {
        let path = resource.collectionPath()
            + "?watch=true&allowWatchBookmarks=true&resourceVersion=\(resourceVersion)&timeoutSeconds=\(timeoutSeconds)"
        var pending: [UInt8] = []
        var status = 0
        var errorBody: [UInt8] = []
        try await transport.stream(path: path) { head in
            status = Int(head.status.code)
        } onBody: { chunk in
            guard status == 200 else {
                errorBody.append(contentsOf: chunk.readableBytesView)
                return
            }
            pending.append(contentsOf: chunk.readableBytesView)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = pending[..<newline]
                defer { pending.removeSubrange(...newline) }
                if line.isEmpty { continue }
                let event = try WatchEvent(line: line)
                if event.type == .error {
                    throw KubeAPIError(code: Int(event.object["code"]?.numberValue ?? 500),
                                       reason: event.object["reason"]?.stringValue ?? "",
                                       message: event.object["message"]?.stringValue ?? "")
                }
                try await onEvent(event)
            }
        }
        if status != 200 { throw KubeAPIError(code: status, body: errorBody) }
    }

    /// The object, or nil when it does not exist.
    public func get(_ resource: KubeResource, namespace: String = "", name: String) async throws -> JSONValue? {
        do {
            return try await call(.GET, resource.objectPath(namespace: namespace, name: name))
        } catch let error as KubeAPIError where error.isNotFound {
            return nil
        }
    }

    @discardableResult
    public func create(_ resource: KubeResource, namespace: String = "", _ object: JSONValue) async throws -> JSONValue {
        var object = object
        object["kind"] = .string(resource.kind)
        object["apiVersion"] = .string(resource.apiVersion)
        return try await call(.POST, resource.collectionPath(namespace: resource.namespaced ? namespace : nil), body: object)
    }

    /// Applies a JSON merge patch, to the object or to a subresource such as `status`.
    @discardableResult
    public func patch(_ resource: KubeResource, namespace: String = "", name: String, _ patch: JSONValue,
                      subresource: String? = nil) async throws -> JSONValue {
        try await call(.PATCH, resource.objectPath(namespace: namespace, name: name, subresource: subresource), body: patch,
                       contentType: "application/merge-patch+json")
    }

    /// Deletes the object; true when it existed.
    @discardableResult
    public func delete(_ resource: KubeResource, namespace: String = "", name: String) async throws -> Bool {
        do {
            _ = try await call(.DELETE, resource.objectPath(namespace: namespace, name: name))
            return true
        } catch let error as KubeAPIError where error.isNotFound {
            return false
        }
    }

    /// Evicts a pod through the Eviction API. Throws `KubeAPIError` 429 when a PodDisruptionBudget forbids
    /// it now; a pod that is already gone counts as evicted.
    public func evict(namespace: String, name: String) async throws {
        let eviction: JSONValue = ["apiVersion": "policy/v1", "kind": "Eviction",
                                   "metadata": ["name": .string(name), "namespace": .string(namespace)]]
        do {
            _ = try await call(.POST, KubeResource.pods.objectPath(namespace: namespace, name: name, subresource: "eviction"),
                               body: eviction, retrying: false)
        } catch let error as KubeAPIError where error.isNotFound {
            return
        }
    }

    private func call(_ method: HTTPMethod, _ path: String, body: JSONValue? = nil,
                      contentType: String = "application/json", retrying: Bool = true) async throws -> JSONValue {
        var delay = retryDelay
        var attempt = 1
        while true {
            let response = try await transport.send(method: method, path: path, contentType: body == nil ? nil : contentType,
                                                    body: body?.serialized)
            if (200..<300).contains(response.status) { return try JSONValue.parse(response.body) }
            let error = KubeAPIError(code: response.status, body: response.body)
            guard retrying, attempt < attempts, response.status == 429 || response.status >= 500 else { throw error }
            let wait = response.header("Retry-After").flatMap(Int.init).map { Duration.seconds($0) } ?? delay
            try await Task.sleep(for: wait)
            delay *= 2
            attempt += 1
        }
    }
}
