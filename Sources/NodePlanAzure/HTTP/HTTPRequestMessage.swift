/// An HTTP request as the Azure clients build it: absolute URL, headers and an optional body.
public struct HTTPRequestMessage: Sendable {
    public var method: String
    /// Absolute URL, including the query string.
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]?

    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}
