import Foundation

extension KubeConfiguration {
    /// The service-account directory every pod gets.
    public static let serviceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

    /// The in-cluster configuration: `KUBERNETES_SERVICE_HOST`/`_PORT`, the service-account token and CA.
    public static func inCluster(environment: [String: String] = ProcessInfo.processInfo.environment,
                                 directory: String = serviceAccountDirectory) throws(KubeConfigurationError)
        -> KubeConfiguration {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty else {
            throw KubeConfigurationError("KUBERNETES_SERVICE_HOST is not set: not running in a cluster (use --kubeconfig)")
        }
        let portText = environment["KUBERNETES_SERVICE_PORT"] ?? "443"
        guard let port = Int(portText) else { throw KubeConfigurationError("KUBERNETES_SERVICE_PORT: \"\(portText)\" is not a port") }
        guard let token = FileManager.default.contents(atPath: "\(directory)/token") else {
            throw KubeConfigurationError("\(directory)/token: cannot read the service-account token")
        }
        guard let authority = FileManager.default.contents(atPath: "\(directory)/ca.crt") else {
            throw KubeConfigurationError("\(directory)/ca.crt: cannot read the cluster CA")
        }
        return KubeConfiguration(
            scheme: "https", host: host, port: port,
            token: String(decoding: token, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
            certificateAuthorityPEM: [UInt8](authority))
    }
}
