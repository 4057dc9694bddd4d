import NIOCore
import NIOSSL
import NodePlanWire

/// TLS to a server started with a certificate: which certificate authorities to trust and which
/// name the server's certificate must carry.
public struct ClientTLS: Hashable, Sendable {
    /// PEM file with the certificate authorities that sign the server's certificate; nil trusts the
    /// system's roots.
    public var caCertificateFile: String?
    /// The name the server's certificate must be issued to, also sent as SNI; nil uses the host
    /// connected to (for an IP address, the certificate must list that address).
    public var serverName: String?

    public init(caCertificateFile: String? = nil, serverName: String? = nil) {
        self.caCertificateFile = caCertificateFile
        self.serverName = serverName
    }

    /// The client-side TLS context (TLS 1.2 or later, full certificate and name verification).
    ///
    /// - Throws: `WireError` with `.invalidArgument` naming `tls.caCertificateFile` when it cannot
    ///   be read or holds no certificate.
    func makeContext() throws(WireError) -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let caCertificateFile {
            let authorities: [NIOSSLCertificate]
            do {
                authorities = try NIOSSLCertificate.fromPEMFile(caCertificateFile)
            } catch {
                throw WireError(.invalidArgument, "cannot read a PEM certificate from \(caCertificateFile): \(error)",
                                fieldPath: "tls.caCertificateFile")
            }
            guard !authorities.isEmpty else {
                throw WireError(.invalidArgument, "\(caCertificateFile) holds no PEM certificate",
                                fieldPath: "tls.caCertificateFile")
            }
            configuration.trustRoots = .certificates(authorities)
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw WireError(.internal, "cannot set up TLS: \(error)")
        }
    }

    /// The name to verify and send as SNI when connecting to `host`: nil for an IP address, which
    /// SNI cannot carry (the certificate is then checked against the address itself).
    func hostname(connectingTo host: String) -> String? {
        if let serverName { return serverName }
        let isAddress = (try? SocketAddress(ipAddress: host, port: 0)) != nil
        return isAddress ? nil : host
    }
}
