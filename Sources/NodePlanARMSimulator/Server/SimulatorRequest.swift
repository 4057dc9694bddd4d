/// An HTTP request the simulator received, already split into path and query.
struct SimulatorRequest: Sendable {
    var method: String
    /// Path without the query, percent-decoding not applied (ARM names need none).
    var path: String
    /// Query parameters, percent-decoded; later duplicates win.
    var query: [String: String]
    /// Header names in lower case.
    var headers: [String: String]
    var body: [UInt8]

    init(method: String, uri: String, headers: [String: String], body: [UInt8]) {
        self.method = method.uppercased()
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.path = String(parts.first ?? "")
        var query: [String: String] = [:]
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let keyValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = Self.percentDecode(String(keyValue[0]))
                query[key] = keyValue.count == 2 ? Self.percentDecode(String(keyValue[1])) : ""
            }
        }
        self.query = query
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        self.body = body
    }

    /// Path segments in lower case (ARM paths are case-insensitive).
    var segments: [String] { path.lowercased().split(separator: "/").map(String.init) }

    static func percentDecode(_ text: String) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                      let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
