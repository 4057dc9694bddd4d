/// Where the API server is and how to authenticate: from the in-cluster service account or a kubeconfig.
public struct KubeConfiguration: Hashable, Sendable {
    /// `https` (or `http`, for the loopback simulator).
    public var scheme: String
    public var host: String
    public var port: Int
    /// Bearer token; nil when a client certificate authenticates.
    public var token: String?
    /// PEM bundle that signs the server's certificate; nil uses the system roots.
    public var certificateAuthorityPEM: [UInt8]?
    /// PEM client certificate and key, for certificate authentication.
    public var clientCertificatePEM: [UInt8]?
    public var clientKeyPEM: [UInt8]?
    /// Skips server certificate verification (kubeconfig `insecure-skip-tls-verify`).
    public var insecureSkipTLSVerify: Bool

    public init(scheme: String = "https", host: String, port: Int, token: String? = nil,
                certificateAuthorityPEM: [UInt8]? = nil, clientCertificatePEM: [UInt8]? = nil,
                clientKeyPEM: [UInt8]? = nil, insecureSkipTLSVerify: Bool = false) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.token = token
        self.certificateAuthorityPEM = certificateAuthorityPEM
        self.clientCertificatePEM = clientCertificatePEM
        self.clientKeyPEM = clientKeyPEM
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
    }

    /// Parses `https://host:port` (the port defaults to 443 for https, 80 for http; IPv6 in brackets).
    public init(server: String) throws(KubeConfigurationError) {
        guard let schemeEnd = server.range(of: "://") else {
            throw KubeConfigurationError("server: \"\(server)\" is not a URL (expected https://host:port)")
        }
        let scheme = String(server[..<schemeEnd.lowerBound]).lowercased()
        guard scheme == "https" || scheme == "http" else {
            throw KubeConfigurationError("server: scheme \"\(scheme)\" is not http or https")
        }
        var authority = String(server[schemeEnd.upperBound...])
        if let slash = authority.firstIndex(of: "/") { authority = String(authority[..<slash]) }
        var host = authority
        var port = scheme == "https" ? 443 : 80
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let rest = authority[authority.index(after: close)...]
            if rest.hasPrefix(":") {
                guard let parsed = Int(rest.dropFirst()) else { throw KubeConfigurationError("server: bad port in \"\(server)\"") }
                port = parsed
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            guard let parsed = Int(authority[authority.index(after: colon)...]) else {
                throw KubeConfigurationError("server: bad port in \"\(server)\"")
            }
            port = parsed
        }
        guard !host.isEmpty else { throw KubeConfigurationError("server: no host in \"\(server)\"") }
        self.init(scheme: scheme, host: host, port: port)
    }

    public var usesTLS: Bool { scheme == "https" }
}

/// A configuration that cannot be used, naming the field and why.
public struct KubeConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
