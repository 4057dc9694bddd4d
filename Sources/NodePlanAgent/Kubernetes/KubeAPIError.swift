/// A failed API request: the HTTP status and the `Status` object the server sent.
public struct KubeAPIError: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: Int
    /// `NotFound`, `AlreadyExists`, `Conflict`, `TooManyRequests`, `Expired`, ...
    public var reason: String
    public var message: String

    public init(code: Int, reason: String, message: String) {
        self.code = code
        self.reason = reason
        self.message = message
    }

    /// Reads a `Status` body; falls back to the raw text.
    public init(code: Int, body: [UInt8]) {
        if let status = try? JSONValue.parse(body), status["kind"]?.stringValue == "Status" {
            self.init(code: code, reason: status["reason"]?.stringValue ?? "",
                      message: status["message"]?.stringValue ?? "")
        } else {
            self.init(code: code, reason: "", message: String(decoding: body.prefix(300), as: UTF8.self))
        }
    }

    /// The same error as a `Status` object, as the API server sends it.
    public var status: JSONValue {
        ["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Failure", "message": .string(message),
         "reason": .string(reason), "code": .number(Double(code))]
    }

    public var isNotFound: Bool { code == 404 }
    public var isConflict: Bool { code == 409 }
    /// 410 Gone: the resourceVersion is too old; relist.
    public var isGone: Bool { code == 410 }
    /// 429: throttled, or an eviction blocked by a PodDisruptionBudget.
    public var isTooManyRequests: Bool { code == 429 }

    public var description: String { "Kubernetes API \(code) \(reason): \(message)" }

    public static func notFound(_ what: String) -> KubeAPIError {
        KubeAPIError(code: 404, reason: "NotFound", message: "\(what) not found")
    }
}
