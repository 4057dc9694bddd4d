import Foundation
import Testing

/// `nodeplan serve` does not expose an unauthenticated solver to the network by accident.
@Suite struct ServeAuthenticationTests {
    @Test("Without a token, serve refuses a non-loopback interface and names the way out",
          .enabled(if: ProcessInfo.processInfo.environment["NODEPLAN_TOKEN"] == nil))
    func tokenRequiredBeyondLoopback() throws {
        let result = try NodePlanProcess.run(["serve", "--host", "0.0.0.0", "--port", "0", "--metrics-port", "0"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--token-file: is required when listening on 0.0.0.0"), "\(result.standardError)")
        #expect(result.standardError.contains("--insecure-no-auth"))
    }
}
