import CYAML

/// Parses YAML (and JSON, which libyaml reads as flow-style YAML) into `YAMLValue` trees,
/// one per document, using libyaml's event API.
///
/// Supports multi-document streams (`---`), anchors and aliases, and `<<` merge keys.
/// Duplicate mapping keys are rejected, as Kubernetes' strict decoding does.
public enum YAMLReader {
    /// Deepest nesting of mappings and sequences accepted. Kubernetes objects nest a few dozen levels at
    /// most; the limit keeps hostile input (`[[[[…`) from building trees too deep to walk or free.
    public static let maxDepth = 256

    /// Every document in `text`; empty documents are skipped.
    public static func documents(in text: String) throws(InputError) -> [YAMLValue] {
        try documents(in: Array(text.utf8))
    }

    /// Every document in the UTF-8 `bytes`; empty documents are skipped.
    public static func documents(in bytes: [UInt8]) throws(InputError) -> [YAMLValue] {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else { throw InputError(reason: "cannot initialise the YAML parser") }
        defer { yaml_parser_delete(&parser) }
        let result: Result<[YAMLValue], InputError> = bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var builder = TreeBuilder()
            do throws(InputError) {
                try builder.run(&parser)
                return .success(builder.documents)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

/// Assembles libyaml events into value trees.
private struct TreeBuilder {
    /// An open mapping or sequence; children are appended in place on the stack, never copied.
    struct Frame {
        var isMapping: Bool
        var location: SourceLocation
        var anchor: String?
        var items: [YAMLValue] = []
        var entries: [YAMLValue.Entry] = []
        /// Keys seen, kept only once the mapping is large; small mappings are scanned instead (cheaper than hashing).
        var keys: Set<String> = []
        var merges: [YAMLValue] = []
        var pendingKey: (String, SourceLocation)?
    }

    var documents: [YAMLValue] = []
    var stack: [Frame] = []
    var anchors: [String: YAMLValue] = [:]

    mutating func run(_ parser: inout yaml_parser_t) throws(InputError) {
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) != 0 else { throw syntaxError(parser) }
            defer { yaml_event_delete(&event) }
            let location = SourceLocation(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_DOCUMENT_START_EVENT:
                anchors = [:]
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let value = YAMLValue(.scalar(text, plain: scalar.plain_implicit != 0), at: location)
                remember(value, anchor: string(scalar.anchor))
                try add(value)
            case YAML_ALIAS_EVENT:
                let name = string(event.data.alias.anchor) ?? ""
                guard var value = anchors[name] else {
                    throw InputError(location: location, reason: "invalid YAML: unknown anchor \"\(name)\"")
                }
                value.location = location
                try add(value)
            case YAML_SEQUENCE_START_EVENT:
                try requireDepth(at: location)
                stack.append(Frame(isMapping: false, location: location, anchor: string(event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                try requireDepth(at: location)
                stack.append(Frame(isMapping: true, location: location, anchor: string(event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = stack.removeLast()
                let value = try close(frame)
                remember(value, anchor: frame.anchor)
                try add(value)
            default:
                break
            }
        }
    }

    private func requireDepth(at location: SourceLocation) throws(InputError) {
        guard stack.count < YAMLReader.maxDepth else {
            throw InputError(location: location, reason: "invalid YAML: nested deeper than \(YAMLReader.maxDepth) levels")
        }
    }

    private mutating func remember(_ value: YAMLValue, anchor: String?) {
        if let anchor { anchors[anchor] = value }
    }

    private func close(_ frame: Frame) throws(InputError) -> YAMLValue {
        guard frame.isMapping else { return YAMLValue(.sequence(frame.items), at: frame.location) }
        // Merged entries never override keys written in the mapping itself.
        var entries = frame.entries
        var present = Set(entries.map(\.key))
        for merge in frame.merges {
            let sources: [YAMLValue]
            switch merge.content {
            case .mapping: sources = [merge]
            case .sequence(let items): sources = items
            case .scalar: throw InputError(location: merge.location, reason: "invalid YAML: << must merge a mapping")
            }
            for source in sources {
                guard case .mapping(let merged) = source.content else {
                    throw InputError(location: source.location, reason: "invalid YAML: << must merge a mapping")
                }
                for entry in merged where present.insert(entry.key).inserted { entries.append(entry) }
            }
        }
        return YAMLValue(.mapping(entries), at: frame.location)
    }

    private mutating func add(_ value: YAMLValue) throws(InputError) {
        let top = stack.count - 1
        guard top >= 0 else {
            if !value.isNull { documents.append(value) }
            return
        }
        guard stack[top].isMapping else {
            stack[top].items.append(value)
            return
        }
        if let (key, keyLocation) = stack[top].pendingKey {
            stack[top].pendingKey = nil
            if key == "<<" {
                stack[top].merges.append(value)
            } else {
                stack[top].entries.append(YAMLValue.Entry(key: key, keyLocation: keyLocation, value: value))
            }
            return
        }
        guard case .scalar(let key, _) = value.content else {
            throw InputError(location: value.location, reason: "invalid YAML: mapping keys must be scalars")
        }
        if key != "<<", isDuplicate(key, in: &stack[top]) {
            throw InputError(location: value.location, reason: "duplicate key \"\(key)\"")
        }
        stack[top].pendingKey = (key, value.location)
    }

    private func isDuplicate(_ key: String, in frame: inout Frame) -> Bool {
        let linearLimit = 32
        if frame.entries.count < linearLimit { return frame.entries.contains { $0.key == key } }
        if frame.keys.isEmpty { frame.keys = Set(frame.entries.map(\.key)) }
        return !frame.keys.insert(key).inserted
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    private func syntaxError(_ parser: yaml_parser_t) -> InputError {
        let mark = parser.problem_mark
        var reason = "invalid YAML: " + (parser.problem.map { String(cString: $0) } ?? "syntax error")
        if let context = parser.context.map({ String(cString: $0) }) { reason += " " + context }
        return InputError(location: SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1), reason: reason)
    }
}
