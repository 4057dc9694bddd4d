/// Parses Go `time.ParseDuration` strings (`720h`, `1h30m`, `1.5h`, `300ms`, `0`), as Karpenter's
/// `expireAfter`, `consolidateAfter` and budget `duration` use.
enum DurationParser {
    static func seconds(_ text: String) -> Double? {
        var bytes = Array(text.utf8)[...]
        var sign = 1.0
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            if first == UInt8(ascii: "-") { sign = -1 }
            bytes = bytes.dropFirst()
        }
        if bytes.elementsEqual("0".utf8) { return 0 }
        guard !bytes.isEmpty else { return nil }
        var total = 0.0
        while !bytes.isEmpty {
            let number = bytes.prefix { ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") }
            guard !number.isEmpty, let value = Double(String(decoding: number, as: UTF8.self)) else { return nil }
            bytes = bytes.dropFirst(number.count)
            let unit = String(decoding: bytes.prefix { !($0 >= 48 && $0 <= 57) && $0 != UInt8(ascii: ".") }, as: UTF8.self)
            bytes = bytes.dropFirst(unit.utf8.count)
            guard let scale = unitSeconds[unit] else { return nil }
            total += value * scale
        }
        return sign * total
    }

    private static let unitSeconds: [String: Double] = [
        "ns": 1e-9, "us": 1e-6, "µs": 1e-6, "μs": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600,
    ]
}
