import Foundation

/// A response the simulator sends.
struct SimulatorResponse: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response; `object` must be a JSONSerialization-compatible value.
    static func json(_ status: Int, _ object: Any, headers: [(String, String)] = []) -> SimulatorResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return SimulatorResponse(status: status, headers: [("Content-Type", "application/json")] + headers,
                                 body: Array(data))
    }

    /// ARM's error shape: `{"error": {"code", "message"}}`.
    static func armError(_ status: Int, code: String, message: String, headers: [(String, String)] = [])
        -> SimulatorResponse {
        json(status, ["error": ["code": code, "message": message]], headers: headers)
    }
}
