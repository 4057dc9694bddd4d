import NodePlanAgent

/// Serves the Kubernetes REST API over the object store: list (with resourceVersion), watch, get, create,
/// merge patch (object and status), delete, pod binding and eviction.
struct SimulatorRouter: Sendable {
    let store: ObjectStore
    let faults: FaultInjector
    /// The bearer token requests must carry; nil accepts any.
    let token: String?

    func respond(method: String, uri: String, authorization: String?, body: [UInt8]) -> SimulatorResponse {
        if let token, authorization != "Bearer \(token)" {
            return .error(KubeAPIError(code: 401, reason: "Unauthorized", message: "Unauthorized"))
        }
        let path = String(uri.split(separator: "?", maxSplits: 1).first ?? "")
        if let failure = faults.failure(method: method, path: path) {
            let error = KubeAPIError(code: failure.status, reason: failure.status == 429 ? "TooManyRequests" : "InternalError",
                                     message: "injected failure")
            return .error(error, headers: failure.retryAfterSeconds.map { [("Retry-After", String($0))] } ?? [])
        }
        guard let request = SimulatorRequest(method: method, uri: uri, body: body, resources: KubeResource.watched) else {
            return .error(KubeAPIError(code: 404, reason: "NotFound", message: "the server could not find the requested resource"))
        }
        do {
            return try serve(request)
        } catch let error as KubeAPIError {
            return .error(error)
        } catch {
            return .error(KubeAPIError(code: 400, reason: "BadRequest", message: "\(error)"))
        }
    }

    private func serve(_ request: SimulatorRequest) throws -> SimulatorResponse {
        let resource = request.resource
        let namespace = request.namespace ?? ""
        switch (request.method, request.name, request.subresource) {
        case ("GET", nil, nil):
            if ["true", "1"].contains(request.query["watch"]) {
                let (id, feed) = store.watch(resource, namespace: request.namespace,
                                             resourceVersion: request.query["resourceVersion"] ?? "",
                                             bookmarks: request.query["allowWatchBookmarks"] == "true")
                return .watch(id: id, feed: feed)
            }
            let (items, revision) = store.list(resource, namespace: request.namespace)
            // Like the API server, list items carry neither kind nor apiVersion.
            let stripped = items.map { item -> JSONValue in
                var item = item
                item["kind"] = nil
                item["apiVersion"] = nil
                return item
            }
            return .json(status: 200, body: ["kind": .string("\(resource.kind)List"), "apiVersion": .string(resource.apiVersion),
                                             "metadata": ["resourceVersion": .string(String(revision))],
                                             "items": .array(stripped)])
        case ("GET", let name?, nil):
            guard let object = store.get(resource, namespace: namespace, name: name) else {
                throw KubeAPIError.notFound("\(resource.plural) \"\(name)\"")
            }
            return .json(status: 200, body: object)
        case ("POST", nil, nil):
            return .json(status: 201, body: try store.create(resource, namespace: namespace, try JSONValue.parse(request.body)))
        case ("PATCH", let name?, let subresource):
            let patch = try JSONValue.parse(request.body)
            return .json(status: 200, body: try store.patch(resource, namespace: namespace, name: name, patch: patch,
                                                            subresource: subresource))
        case ("DELETE", let name?, nil):
            try store.delete(resource, namespace: namespace, name: name)
            return .json(status: 200, body: ["kind": "Status", "apiVersion": "v1", "status": "Success"])
        case ("POST", let name?, "binding") where resource == .pods:
            let binding = try JSONValue.parse(request.body)
            guard let node = binding[["target", "name"]]?.stringValue else {
                throw KubeAPIError(code: 422, reason: "Invalid", message: "target.name: Required value")
            }
            try store.bind(namespace: namespace, name: name, node: node)
            return .json(status: 201, body: ["kind": "Status", "apiVersion": "v1", "status": "Success"])
        case ("POST", let name?, "eviction") where resource == .pods:
            try store.evict(namespace: namespace, name: name)
            return .json(status: 201, body: ["kind": "Status", "apiVersion": "v1", "status": "Success"])
        default:
            throw KubeAPIError(code: 405, reason: "MethodNotAllowed",
                               message: "\(request.method) is not supported on \(request.path)")
        }
    }
}
