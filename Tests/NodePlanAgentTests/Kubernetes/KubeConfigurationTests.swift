import Foundation
import NodePlanAgent
import Testing

@Suite struct KubeConfigurationTests {
    private func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "nodeplan-kubeconfig-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func kubeconfigUsesTheCurrentContextsClusterAndUser() throws {
        let directory = try temporaryDirectory()
        let ca = Data("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".utf8)
        try "token-from-file\n".write(toFile: "\(directory)/token", atomically: true, encoding: .utf8)
        let kubeconfig = """
        apiVersion: v1
        kind: Config
        current-context: prod
        clusters:
        - name: dev
          cluster: {server: "https://dev.example:6443"}
        - name: prod
          cluster:
            server: https://10.0.0.1:8443
            certificate-authority-data: \(ca.base64EncodedString())
        users:
        - name: admin
          user: {token: abc}
        - name: agent
          user: {tokenFile: token}
        contexts:
        - name: dev
          context: {cluster: dev, user: admin}
        - name: prod
          context: {cluster: prod, user: agent}
        """
        try kubeconfig.write(toFile: "\(directory)/config", atomically: true, encoding: .utf8)
        let configuration = try KubeConfiguration.kubeconfig(atPath: "\(directory)/config")
        #expect(configuration.host == "10.0.0.1")
        #expect(configuration.port == 8443)
        #expect(configuration.usesTLS)
        #expect(configuration.token == "token-from-file")
        #expect(configuration.certificateAuthorityPEM == [UInt8](ca))

        let dev = try KubeConfiguration.kubeconfig(atPath: "\(directory)/config", context: "dev")
        #expect(dev.host == "dev.example" && dev.port == 6443 && dev.token == "abc")
        #expect(throws: KubeConfigurationError.self) {
            try KubeConfiguration.kubeconfig(atPath: "\(directory)/config", context: "staging")
        }
    }

    @Test func inClusterReadsTheServiceAccount() throws {
        let directory = try temporaryDirectory()
        try "sa-token\n".write(toFile: "\(directory)/token", atomically: true, encoding: .utf8)
        try "PEM".write(toFile: "\(directory)/ca.crt", atomically: true, encoding: .utf8)
        let configuration = try KubeConfiguration.inCluster(
            environment: ["KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443"], directory: directory)
        #expect(configuration == KubeConfiguration(host: "10.96.0.1", port: 443, token: "sa-token",
                                                   certificateAuthorityPEM: Array("PEM".utf8)))
        #expect(throws: KubeConfigurationError.self) {
            try KubeConfiguration.inCluster(environment: [:], directory: directory)
        }
    }

    @Test func serverURLsAreParsedStrictly() throws {
        #expect(try KubeConfiguration(server: "https://api.example").port == 443)
        #expect(try KubeConfiguration(server: "http://[::1]:8080/").host == "::1")
        #expect(throws: KubeConfigurationError.self) { try KubeConfiguration(server: "api.example:443") }
        #expect(throws: KubeConfigurationError.self) { try KubeConfiguration(server: "https://api.example:port") }
    }
}
