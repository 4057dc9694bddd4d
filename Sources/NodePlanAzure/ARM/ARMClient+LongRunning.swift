import Foundation

extension ARMClient {
    /// Waits until the operation `response` started is over.
    ///
    /// ARM signals a long-running operation with `Azure-AsyncOperation` (poll it: `status` becomes
    /// `Succeeded`, `Failed` or `Canceled`) or, on 202, with `Location` (poll it: 202 while running,
    /// 200/204 when done). A 200/201 without either is complete unless the body's `provisioningState`
    /// is still in progress, in which case the resource itself is polled. Polls wait `Retry-After`
    /// when the service sends it, else `pollInterval`.
    func waitForCompletion(of response: HTTPResponseMessage, resourceURL: String?) async throws {
        let deadline = clock.now() + operationTimeout
        if let operationURL = response.header("Azure-AsyncOperation") {
            try await pollOperationStatus(operationURL, first: response, deadline: deadline)
        } else if response.status == 202, let location = response.header("Location") {
            try await pollLocation(location, first: response, deadline: deadline)
        } else if let resourceURL, let state = Self.provisioningState(response), !Self.isTerminal(state) {
            try await pollProvisioningState(resourceURL, first: response, deadline: deadline)
        }
    }

    private func pollOperationStatus(_ operationURL: String, first: HTTPResponseMessage, deadline: Double) async throws {
        var previous = first
        while true {
            try await pause(after: previous, deadline: deadline, what: operationURL)
            let poll = try await send("GET", operationURL)
            try Self.check(poll)
            let status = try Self.decode(OperationStatus.self, from: poll, what: operationURL)
            switch status.status.lowercased() {
            case "succeeded":
                return
            case "failed", "canceled", "cancelled":
                throw status.error?.armError(status: nil)
                    ?? ARMError(status: nil, code: "Operation\(status.status)", message: "operation \(operationURL) \(status.status)")
            default:
                previous = poll
            }
        }
    }

    private func pollLocation(_ location: String, first: HTTPResponseMessage, deadline: Double) async throws {
        var previous = first
        while true {
            try await pause(after: previous, deadline: deadline, what: location)
            let poll = try await send("GET", location)
            if poll.status == 202 {
                previous = poll
                continue
            }
            try Self.check(poll)
            return
        }
    }

    private func pollProvisioningState(_ resourceURL: String, first: HTTPResponseMessage, deadline: Double) async throws {
        var previous = first
        while true {
            try await pause(after: previous, deadline: deadline, what: resourceURL)
            let poll = try await send("GET", resourceURL)
            try Self.check(poll)
            guard let state = Self.provisioningState(poll) else { return }
            if state.lowercased() == "failed" {
                throw ARMError(status: nil, code: "ProvisioningStateFailed", message: "\(resourceURL) provisioningState Failed")
            }
            if Self.isTerminal(state) { return }
            previous = poll
        }
    }

    private func pause(after response: HTTPResponseMessage, deadline: Double, what: String) async throws {
        guard clock.now() < deadline else {
            throw ARMError(status: nil, code: "OperationTimedOut",
                           message: "\(what) still running after \(Int(operationTimeout)) s")
        }
        try await clock.sleep(RetryPolicy.retryAfter(response) ?? pollInterval)
    }

    static func provisioningState(_ response: HTTPResponseMessage) -> String? {
        (try? JSONDecoder().decode(ProvisioningStateProbe.self, from: Data(response.body)))?.properties?.provisioningState
    }

    static func isTerminal(_ state: String) -> Bool {
        ["succeeded", "failed", "canceled"].contains(state.lowercased())
    }

    /// The body of an `Azure-AsyncOperation` poll.
    private struct OperationStatus: Decodable {
        var status: String
        var error: ARMErrorBody?
    }

    private struct ProvisioningStateProbe: Decodable {
        struct Properties: Decodable { var provisioningState: String? }
        var properties: Properties?
    }
}
