import Foundation

/// Azure Resource Manager over HTTP: bearer auth, retries with backoff and `Retry-After`, long-running
/// operations, paging. Paths are ARM resource paths (`/subscriptions/…`); the endpoint is configurable
/// so tests point at the ARM simulator.
public struct ARMClient: Sendable {
    /// Base URL without a trailing slash, e.g. `https://management.azure.com`.
    public var endpoint: String
    public var retryPolicy: RetryPolicy
    /// Seconds between long-running-operation polls when the service sends no `Retry-After` (Karpenter: 3 s).
    public var pollInterval: Double
    /// Seconds after which a long-running operation still in progress is reported as failed.
    public var operationTimeout: Double
    let transport: any HTTPTransport
    let tokens: TokenProvider?
    let clock: AzureClock

    /// - Parameter tokens: nil sends no `Authorization` header (for endpoints that need none).
    public init(endpoint: String = "https://management.azure.com", transport: any HTTPTransport, tokens: TokenProvider?,
                clock: AzureClock = .system, retryPolicy: RetryPolicy = RetryPolicy(), pollInterval: Double = 3,
                operationTimeout: Double = 1800) {
        self.endpoint = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
        self.transport = transport
        self.tokens = tokens
        self.clock = clock
        self.retryPolicy = retryPolicy
        self.pollInterval = pollInterval
        self.operationTimeout = operationTimeout
    }

    /// The resource at `path`, or nil when ARM answers 404.
    public func get<Resource: Decodable>(_ path: String, apiVersion: String, as type: Resource.Type) async throws
        -> Resource? {
        let response = try await send("GET", url(path, apiVersion: apiVersion))
        if response.status == 404 { return nil }
        try Self.check(response)
        return try Self.decode(type, from: response, what: path)
    }

    /// Creates or replaces the resource at `path` and waits for the operation to finish; returns the
    /// resource as ARM then reports it.
    ///
    /// - Throws: `ARMError` for a rejected request or a failed operation (`status` nil).
    public func put<Resource: Codable>(_ path: String, apiVersion: String, body: Resource) async throws -> Resource {
        let resourceURL = url(path, apiVersion: apiVersion)
        let response = try await send("PUT", resourceURL, body: try Self.encode(body))
        try Self.check(response)
        try await waitForCompletion(of: response, resourceURL: resourceURL)
        let final = try await send("GET", resourceURL)
        try Self.check(final)
        return try Self.decode(Resource.self, from: final, what: path)
    }

    /// Deletes the resource at `path` and waits for the operation to finish.
    ///
    /// - Returns: false when the resource did not exist (404).
    @discardableResult
    public func delete(_ path: String, apiVersion: String, query: [(String, String)] = []) async throws -> Bool {
        let resourceURL = url(path, apiVersion: apiVersion, query: query)
        let response = try await send("DELETE", resourceURL)
        if response.status == 404 { return false }
        try Self.check(response)
        try await waitForCompletion(of: response, resourceURL: nil)
        return true
    }

    /// Every resource of a list endpoint, following `nextLink`.
    public func list<Resource: Decodable>(_ path: String, apiVersion: String, as type: Resource.Type) async throws
        -> [Resource] {
        var resources: [Resource] = []
        var next: String? = url(path, apiVersion: apiVersion)
        while let pageURL = next {
            let response = try await send("GET", pageURL)
            try Self.check(response)
            let page = try Self.decode(ARMPage<Resource>.self, from: response, what: path)
            resources += page.value
            next = page.nextLink.flatMap { $0.isEmpty ? nil : $0 }
        }
        return resources
    }

    /// `endpoint + path?api-version=…&query`.
    public func url(_ path: String, apiVersion: String, query: [(String, String)] = []) -> String {
        endpoint + path + "?" + URLEncoding.query([("api-version", apiVersion)] + query)
    }

    /// Sends one request with auth and retries; returns the last response, whatever its status.
    func send(_ method: String, _ url: String, body: [UInt8]? = nil) async throws -> HTTPResponseMessage {
        var retry = 0
        var reauthorized = false
        while true {
            var request = HTTPRequestMessage(method: method, url: url, headers: [("Accept", "application/json")], body: body)
            if body != nil { request.headers.append(("Content-Type", "application/json")) }
            if let tokens { request.headers.append(("Authorization", "Bearer " + (try await tokens.token()))) }
            let response: HTTPResponseMessage
            do {
                response = try await transport.send(request)
            } catch {
                guard retry < retryPolicy.maximumRetries else {
                    throw ARMError(status: nil, code: "TransportFailure", message: "\(method) \(url): \(error)")
                }
                try await clock.sleep(retryPolicy.delay(beforeRetry: retry, after: nil))
                retry += 1
                continue
            }
            if response.status == 401, let tokens, !reauthorized {
                await tokens.invalidate()
                reauthorized = true
                continue
            }
            guard retryPolicy.retryableStatuses.contains(response.status), retry < retryPolicy.maximumRetries else {
                return response
            }
            try await clock.sleep(retryPolicy.delay(beforeRetry: retry, after: response))
            retry += 1
        }
    }

    static func check(_ response: HTTPResponseMessage) throws {
        guard response.isSuccess else { throw ARMError.from(status: response.status, body: response.body) }
    }

    static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from response: HTTPResponseMessage, what: String) throws
        -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(response.body))
        } catch {
            throw ARMError(status: response.status, code: "InvalidResponse",
                           message: "\(what): response is not a \(type) (\(error))")
        }
    }
}
