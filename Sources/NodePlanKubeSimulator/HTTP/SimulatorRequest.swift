import NodePlanAgent

/// A parsed API request: the resource, scope and subresource its path names, and its query.
struct SimulatorRequest {
    var method: String
    var path: String
    var query: [String: String]
    var resource: KubeResource
    var namespace: String?
    var name: String?
    var subresource: String?
    var body: [UInt8]

    /// Reads `/api/v1/...` and `/apis/<group>/<version>/...` paths; nil for paths the simulator does not serve.
    init?(method: String, uri: String, body: [UInt8], resources: [KubeResource]) {
        let parts = uri.split(separator: "?", maxSplits: 1)
        path = String(parts.first ?? "")
        var query: [String: String] = [:]
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let keyValue = pair.split(separator: "=", maxSplits: 1)
                let value = keyValue.count > 1 ? String(keyValue[1]).removingPercentEncoding ?? "" : ""
                query[String(keyValue[0])] = value
            }
        }
        self.query = query
        self.method = method
        self.body = body
        var segments = path.split(separator: "/").map(String.init)
        let group: String
        let version: String
        if segments.first == "api", segments.count >= 2 {
            group = ""
            version = segments[1]
            segments.removeFirst(2)
        } else if segments.first == "apis", segments.count >= 3 {
            group = segments[1]
            version = segments[2]
            segments.removeFirst(3)
        } else {
            return nil
        }
        var namespace: String?
        if segments.count >= 3, segments[0] == "namespaces" {
            namespace = segments[1]
            segments.removeFirst(2)
        }
        guard let plural = segments.first, segments.count <= 3,
              let resource = resources.first(where: { $0.group == group && $0.version == version && $0.plural == plural })
        else { return nil }
        if namespace != nil && !resource.namespaced { return nil }
        self.resource = resource
        self.namespace = namespace
        name = segments.count > 1 ? segments[1] : nil
        subresource = segments.count > 2 ? segments[2] : nil
    }
}

extension String {
    fileprivate var removingPercentEncoding: String? {
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
               let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
