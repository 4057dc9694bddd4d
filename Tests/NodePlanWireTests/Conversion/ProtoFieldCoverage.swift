import Foundation
import SwiftProtobuf

/// Which fields declared in the repository's .proto files a message leaves unset, judged by the
/// field names in its JSON form (which omits unset fields). Names shared by several messages
/// count once, so this is a guard against forgotten fields, not a proof of full coverage.
enum ProtoFieldCoverage {
    static func unsetFields(of message: some SwiftProtobuf.Message, declaredIn files: [String]) throws -> [String] {
        let json = try message.jsonUTF8Data()
        var present = Set<String>()
        collectKeys(try JSONSerialization.jsonObject(with: json), into: &present)
        return try declaredFields(in: files).filter { !present.contains($0) }.sorted()
    }

    private static func declaredFields(in files: [String]) throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let field = try Regex(#"^\s*(?:optional\s+|repeated\s+)?(?:map<[^>]+>|[\w.]+)\s+(\w+)\s*=\s*\d+\s*;"#)
        var names = Set<String>()
        for file in files {
            let text = try String(contentsOf: root.appending(path: "proto/nodeplan/v1/\(file)"), encoding: .utf8)
            var inEnum = false
            for line in text.split(separator: "\n") {
                if line.hasPrefix("enum ") { inEnum = true }
                if line.hasPrefix("}") { inEnum = false }
                guard !inEnum, let match = line.firstMatch(of: field), let name = match.output[1].substring else { continue }
                names.insert(lowerCamel(String(name)))
            }
        }
        return names
    }

    private static func lowerCamel(_ snake: String) -> String {
        let parts = snake.split(separator: "_")
        return parts.enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.prefix(1).uppercased() + $0.element.dropFirst() }
            .joined()
    }

    private static func collectKeys(_ value: Any, into keys: inout Set<String>) {
        if let object = value as? [String: Any] {
            for (key, nested) in object {
                keys.insert(key)
                collectKeys(nested, into: &keys)
            }
        } else if let array = value as? [Any] {
            for element in array { collectKeys(element, into: &keys) }
        }
    }
}
