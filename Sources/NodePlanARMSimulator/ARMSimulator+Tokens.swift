import Foundation

extension ARMSimulator {
    /// Entra's client-credentials token endpoint: needs `grant_type=client_credentials`, `client_id`
    /// and a `client_secret` or `client_assertion`.
    func entraToken(_ request: SimulatorRequest, state: inout SimulatorState) -> SimulatorResponse {
        guard request.method == "POST" else {
            return .json(405, ["error": "invalid_request", "error_description": "use POST"])
        }
        var form: [String: String] = [:]
        for pair in String(decoding: request.body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            form[SimulatorRequest.percentDecode(String(parts[0]))] =
                parts.count == 2 ? SimulatorRequest.percentDecode(String(parts[1])) : ""
        }
        guard form["grant_type"] == "client_credentials", !(form["client_id"] ?? "").isEmpty,
              !(form["client_secret"] ?? "").isEmpty || !(form["client_assertion"] ?? "").isEmpty else {
            return .json(400, ["error": "invalid_request",
                               "error_description": "client_credentials needs client_id and client_secret or client_assertion"])
        }
        let token = issueToken(state: &state)
        return .json(200, ["token_type": "Bearer", "expires_in": Int(configuration.tokenLifetime),
                           "ext_expires_in": Int(configuration.tokenLifetime), "access_token": token])
    }

    /// IMDS's managed-identity endpoint: needs `Metadata: true`; numbers come back as strings.
    func managedIdentityToken(_ request: SimulatorRequest, state: inout SimulatorState) -> SimulatorResponse {
        guard request.headers["metadata"] == "true" else {
            return .json(400, ["error": "invalid_request", "error_description": "Required metadata header not specified"])
        }
        let token = issueToken(state: &state)
        let expiresOn = Int(configuration.now() + configuration.tokenLifetime)
        return .json(200, ["access_token": token, "expires_in": String(Int(configuration.tokenLifetime)),
                           "expires_on": String(expiresOn), "resource": request.query["resource"] ?? "",
                           "token_type": "Bearer"])
    }

    private func issueToken(state: inout SimulatorState) -> String {
        state.tokenRequests += 1
        let token = "simulated-token-" + state.makeID()
        state.tokens[token] = configuration.now() + configuration.tokenLifetime
        return token
    }
}
