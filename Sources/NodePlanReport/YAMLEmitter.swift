import Foundation

/// Writes JSON-compatible values (as produced by `JSONSerialization`) as block-style YAML.
public enum YAMLEmitter {
    /// Encodes `value` to JSON and re-emits it as YAML with keys sorted.
    public static func yaml<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = try JSONSerialization.jsonObject(with: encoder.encode(value), options: [.fragmentsAllowed])
        let out = isNonEmptyCollection(object) ? block(object, indent: 0) : inline(object) + "\n"
        return out
    }

    /// Lines for a non-empty mapping or sequence at `indent`, each ending in a newline.
    private static func block(_ value: Any, indent: Int) -> String {
        let pad = String(repeating: "  ", count: indent)
        var out = ""
        if let dictionary = value as? [String: Any] {
            for key in dictionary.keys.sorted() {
                let child = dictionary[key]!
                out += isNonEmptyCollection(child)
                    ? pad + scalar(key) + ":\n" + block(child, indent: indent + 1)
                    : pad + scalar(key) + ": " + inline(child) + "\n"
            }
        } else if let array = value as? [Any] {
            for element in array {
                // A nested block is written one level deeper, then its first indentation becomes the dash.
                out += isNonEmptyCollection(element)
                    ? pad + "- " + block(element, indent: indent + 1).dropFirst((indent + 1) * 2)
                    : pad + "- " + inline(element) + "\n"
            }
        }
        return out
    }

    private static func isNonEmptyCollection(_ value: Any) -> Bool {
        if let dictionary = value as? [String: Any] { return !dictionary.isEmpty }
        if let array = value as? [Any] { return !array.isEmpty }
        return false
    }

    private static func inline(_ value: Any) -> String {
        if value is [String: Any] { return "{}" }
        if value is [Any] { return "[]" }
        return scalar(value)
    }

    private static func scalar(_ value: Any) -> String {
        switch value {
        case let number as NSNumber:
            // JSONSerialization hands booleans back as a distinct NSNumber subclass.
            if type(of: number) == type(of: NSNumber(value: true)) { return number.boolValue ? "true" : "false" }
            return number.stringValue
        case let string as String:
            return quotedIfNeeded(string)
        case is NSNull:
            return "null"
        default:
            return quotedIfNeeded("\(value)")
        }
    }

    /// Quotes strings YAML would otherwise read as another type or mis-parse.
    private static func quotedIfNeeded(_ string: String) -> String {
        let plain = !string.isEmpty
            && string.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) }
            && !["true", "false", "null", "yes", "no", "on", "off", "~"].contains(string.lowercased())
            && Double(string) == nil && !(string.first?.isNumber ?? false)
        guard !plain else { return string }
        let escaped = string.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\""
    }
}
