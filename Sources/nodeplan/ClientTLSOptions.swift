import ArgumentParser
import NodePlanClient

/// TLS to a `nodeplan serve --tls-cert …` server, for the commands that call one.
struct ClientTLSOptions: ParsableArguments {
    @Option(name: .long, help: "Connect over TLS, trusting the certificate authorities in this PEM file.")
    var tlsCa: String?

    @Option(name: .long, help: "With --tls-ca: the name the server's certificate must carry (default: the server's host).")
    var tlsServerName: String?

    /// The client's TLS settings; nil for plain TCP.
    var configuration: ClientTLS? {
        tlsCa.map { ClientTLS(caCertificateFile: $0, serverName: tlsServerName) }
    }
}
