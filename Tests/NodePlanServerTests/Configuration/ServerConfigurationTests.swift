import NodePlanServer
import NodePlanWire
import Testing

@Suite("ServerConfiguration")
struct ServerConfigurationTests {
    @Test("Out-of-range settings name the field")
    func validation() {
        func field(_ change: (inout ServerConfiguration) -> Void) -> String? {
            var configuration = ServerConfiguration(token: "t")
            change(&configuration)
            do {
                try configuration.validate()
                return nil
            } catch {
                return error.fieldPath
            }
        }
        #expect(field { _ in } == nil)
        #expect(field { $0.token = "" } == "token")
        #expect(field { $0.port = 70_000 } == "port")
        #expect(field { $0.metricsPort = -1 } == "metricsPort")
        #expect(field { $0.solveWorkers = 0 } == "solveWorkers")
        #expect(field { $0.maxConcurrentStreams = 0 } == "maxConcurrentStreams")
        #expect(field { $0.frameLimits.maxDecompressedBytes = 0 } == "frameLimits.maxDecompressedBytes")
        #expect(field { $0.idleTimeout = .zero } == "idleTimeout")
    }
}
