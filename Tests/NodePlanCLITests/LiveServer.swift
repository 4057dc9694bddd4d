import Foundation

/// A `nodeplan serve` on loopback for the duration of a test.
final class LiveServer {
    let process: Process
    let port: Int
    static let token = "cli-test-token"

    init() throws {
        var lastError: Error?
        for _ in 0..<10 {
            let port = Int.random(in: 20_000...40_000)
            let process = Process()
            process.executableURL = NodePlanProcess.executable
            process.arguments = ["serve", "--host", "127.0.0.1", "--port", "\(port)", "--metrics-port", "0", "--log-level", "error"]
            process.environment = ProcessInfo.processInfo.environment.merging(["NODEPLAN_TOKEN": Self.token]) { $1 }
            // The server must not hold the test runner's pipes open after the test.
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            if Self.waitUntilListening(port: port, process: process) {
                self.port = port
                self.process = process
                return
            }
            process.terminate()
            process.waitUntilExit()
            lastError = CocoaError(.fileReadUnknown)
        }
        throw lastError ?? CocoaError(.fileReadUnknown)
    }

    var address: String { "127.0.0.1:\(port)" }

    /// Polls the port until the server accepts connections (false if the process died first).
    private static func waitUntilListening(port: Int, process: Process) -> Bool {
        for _ in 0..<100 {
            guard process.isRunning else { return false }
            let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            close(socket)
            if connected { return true }
            usleep(100_000)
        }
        return false
    }

    /// Stops the server (SIGTERM: it drains and exits).
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit { stop() }
}
