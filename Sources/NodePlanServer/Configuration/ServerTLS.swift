import NIOSSL
import NodePlanWire

/// TLS on the solver port: the server's certificate chain and private key, both PEM files.
///
/// With TLS configured, a client that speaks plain TCP is answered with one plaintext `ERROR`
/// (`UNAUTHENTICATED`, "this server requires TLS") and disconnected; the metrics port stays plain HTTP.
public struct ServerTLS: Hashable, Sendable {
    /// PEM file with the server's certificate, followed by any intermediates.
    public var certificateChainFile: String
    /// PEM file with the certificate's private key.
    public var privateKeyFile: String

    public init(certificateChainFile: String, privateKeyFile: String) {
        self.certificateChainFile = certificateChainFile
        self.privateKeyFile = privateKeyFile
    }

    /// The server-side TLS context (TLS 1.2 or later).
    ///
    /// - Throws: `WireError` with `.invalidArgument` naming `tls.certificateChainFile` or
    ///   `tls.privateKeyFile` when a file cannot be read or parsed, or the key does not fit.
    func makeContext() throws(WireError) -> NIOSSLContext {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificateChainFile)
        } catch {
            throw WireError(.invalidArgument, "cannot read a PEM certificate from \(certificateChainFile): \(error)",
                            fieldPath: "tls.certificateChainFile")
        }
        guard !chain.isEmpty else {
            throw WireError(.invalidArgument, "\(certificateChainFile) holds no PEM certificate",
                            fieldPath: "tls.certificateChainFile")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: privateKeyFile, format: .pem)
        } catch {
            throw WireError(.invalidArgument, "cannot read a PEM private key from \(privateKeyFile): \(error)",
                            fieldPath: "tls.privateKeyFile")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw WireError(.invalidArgument, "the key in \(privateKeyFile) does not fit the certificate: \(error)",
                            fieldPath: "tls.privateKeyFile")
        }
    }
}
