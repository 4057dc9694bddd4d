import Foundation
import NodePlanKube

extension KubeConfiguration {
    /// The configuration of a kubeconfig file's context (`current-context` unless `context` is given):
    /// its cluster's server and CA, and its user's token (or token file) or client certificate and key.
    /// `*-data` fields are base64; file paths are relative to the kubeconfig's directory.
    public static func kubeconfig(atPath path: String, context: String? = nil) throws(KubeConfigurationError)
        -> KubeConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KubeConfigurationError("\(path): cannot read the kubeconfig")
        }
        let documents: [YAMLValue]
        do {
            documents = try YAMLReader.documents(in: [UInt8](data))
        } catch {
            throw KubeConfigurationError("\(path): \(error)")
        }
        guard let root = documents.first else { throw KubeConfigurationError("\(path): empty kubeconfig") }
        let directory = (path as NSString).deletingLastPathComponent
        return try kubeconfig(root, directory: directory, context: context, file: path)
    }

    static func kubeconfig(_ root: YAMLValue, directory: String, context: String?,
                           file: String) throws(KubeConfigurationError) -> KubeConfiguration {
        guard let contextName = context ?? root["current-context"]?.scalarText, !contextName.isEmpty else {
            throw KubeConfigurationError("\(file): current-context: not set (pass a context)")
        }
        let contextEntry = try named(root, list: "contexts", name: contextName, file: file)
        guard let clusterName = contextEntry["context"]?["cluster"]?.scalarText,
              let userName = contextEntry["context"]?["user"]?.scalarText else {
            throw KubeConfigurationError("\(file): contexts[\(contextName)].context: needs cluster and user")
        }
        guard let cluster = try named(root, list: "clusters", name: clusterName, file: file)["cluster"] else {
            throw KubeConfigurationError("\(file): clusters[\(clusterName)].cluster: missing")
        }
        guard let server = cluster["server"]?.scalarText else {
            throw KubeConfigurationError("\(file): clusters[\(clusterName)].cluster.server: missing")
        }
        var configuration = try KubeConfiguration(server: server)
        let clusterField = "clusters[\(clusterName)].cluster"
        configuration.certificateAuthorityPEM = try bytes(cluster, data: "certificate-authority-data",
                                                          file: "certificate-authority", directory: directory,
                                                          field: "\(file): \(clusterField)")
        configuration.insecureSkipTLSVerify = cluster["insecure-skip-tls-verify"]?.scalarText == "true"
        let user = try named(root, list: "users", name: userName, file: file)["user"]
        let userField = "\(file): users[\(userName)].user"
        if let user {
            if let token = user["token"]?.scalarText {
                configuration.token = token
            } else if let tokenFile = user["tokenFile"]?.scalarText {
                guard let token = FileManager.default.contents(atPath: resolve(tokenFile, in: directory)) else {
                    throw KubeConfigurationError("\(userField).tokenFile: cannot read \(tokenFile)")
                }
                configuration.token = String(decoding: token, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            configuration.clientCertificatePEM = try bytes(user, data: "client-certificate-data", file: "client-certificate",
                                                           directory: directory, field: userField)
            configuration.clientKeyPEM = try bytes(user, data: "client-key-data", file: "client-key", directory: directory,
                                                   field: userField)
            if user["exec"] != nil && configuration.token == nil && configuration.clientCertificatePEM == nil {
                throw KubeConfigurationError("\(userField).exec: exec credential plugins are not supported; use a token or client certificate")
            }
        }
        if (configuration.clientCertificatePEM == nil) != (configuration.clientKeyPEM == nil) {
            throw KubeConfigurationError("\(userField): client-certificate and client-key must be given together")
        }
        return configuration
    }

    private static func named(_ root: YAMLValue, list: String, name: String, file: String) throws(KubeConfigurationError)
        -> YAMLValue {
        guard case .sequence(let items)? = root[list]?.content,
              let entry = items.first(where: { $0["name"]?.scalarText == name }) else {
            throw KubeConfigurationError("\(file): \(list): no entry named \"\(name)\"")
        }
        return entry
    }

    private static func bytes(_ mapping: YAMLValue, data: String, file: String, directory: String,
                              field: String) throws(KubeConfigurationError) -> [UInt8]? {
        if let encoded = mapping[data]?.scalarText {
            guard let decoded = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
                throw KubeConfigurationError("\(field).\(data): not base64")
            }
            return [UInt8](decoded)
        }
        if let path = mapping[file]?.scalarText {
            guard let contents = FileManager.default.contents(atPath: resolve(path, in: directory)) else {
                throw KubeConfigurationError("\(field).\(file): cannot read \(path)")
            }
            return [UInt8](contents)
        }
        return nil
    }

    private static func resolve(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") || directory.isEmpty ? path : "\(directory)/\(path)"
    }
}
