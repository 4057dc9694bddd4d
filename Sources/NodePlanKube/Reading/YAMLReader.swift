import CYAML

/// Parses YAML (and JSON, which libyaml reads as flow-style YAML) into `YAMLValue` trees,
/// one per document, using libyaml's event API.
///
/// Supports multi-document streams (`---`), anchors and aliases, and `<<` merge keys.
/// Duplicate mapping keys are rejected, as Kubernetes' strict decoding does.
public enum YAMLReader {
    /// Every document in `text`; empty documents are skipped.
    public static func documents(in text: String) throws(InputError) -> [YAMLValue] {
        var bytes = Array(text.utf8)
        return try documents(in: &bytes)
    }

    /// Every document in the UTF-8 `bytes`; empty documents are skipped.
    public static func documents(in bytes: inout [UInt8]) throws(InputError) -> [YAMLValue] {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else { throw InputError(reason: "cannot initialise the YAML parser") }
        defer { yaml_parser_delete(&parser) }
        let result: Result<[YAMLValue], InputError> = bytes.withUnsafeMutableBufferPointer { buffer in
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
    enum Frame {
        case mapping(entries: [YAMLValue.Entry], merges: [YAMLValue], pendingKey: (String, SourceLocation)?,
                     location: SourceLocation, anchor: String?)
        case sequence(items: [YAMLValue], location: SourceLocation, anchor: String?)
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
                stack.append(.sequence(items: [], location: location, anchor: string(event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                stack.append(.mapping(entries: [], merges: [], pendingKey: nil, location: location,
                                      anchor: string(event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let (value, anchor) = try close(stack.removeLast())
                remember(value, anchor: anchor)
                try add(value)
            default:
                break
            }
        }
    }

    private mutating func remember(_ value: YAMLValue, anchor: String?) {
        if let anchor { anchors[anchor] = value }
    }

    private func close(_ frame: Frame) throws(InputError) -> (YAMLValue, String?) {
        switch frame {
        case .sequence(let items, let location, let anchor):
            return (YAMLValue(.sequence(items), at: location), anchor)
        case .mapping(var entries, let merges, _, let location, let anchor):
            // Merged entries never override keys written in the mapping itself.
            var present = Set(entries.map(\.key))
            for merge in merges {
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
            return (YAMLValue(.mapping(entries), at: location), anchor)
        }
    }

    private mutating func add(_ value: YAMLValue) throws(InputError) {
        guard let top = stack.popLast() else {
            if !value.isNull { documents.append(value) }
            return
        }
        switch top {
        case .sequence(var items, let location, let anchor):
            items.append(value)
            stack.append(.sequence(items: items, location: location, anchor: anchor))
        case .mapping(var entries, var merges, let pendingKey, let location, let anchor):
            if let (key, keyLocation) = pendingKey {
                if key == "<<" {
                    merges.append(value)
                } else {
                    entries.append(YAMLValue.Entry(key: key, keyLocation: keyLocation, value: value))
                }
                stack.append(.mapping(entries: entries, merges: merges, pendingKey: nil, location: location, anchor: anchor))
            } else {
                guard case .scalar(let key, _) = value.content else {
                    throw InputError(location: value.location, reason: "invalid YAML: mapping keys must be scalars")
                }
                if key != "<<", entries.contains(where: { $0.key == key }) {
                    throw InputError(location: value.location, reason: "duplicate key \"\(key)\"")
                }
                stack.append(.mapping(entries: entries, merges: merges, pendingKey: (key, value.location),
                                      location: location, anchor: anchor))
            }
        }
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
