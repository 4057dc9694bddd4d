import NodePlanModel

/// A value being decoded, with the field path that led to it, so every error can name both.
struct Field {
    let value: YAMLValue
    /// Dotted path with list indices, e.g. `spec.template.spec.requirements[2]`.
    let path: String

    init(_ value: YAMLValue, path: String = "") {
        self.value = value
        self.path = path
    }

    var location: SourceLocation { value.location }
    var isNull: Bool { value.isNull }

    func error(_ reason: String) -> InputError {
        InputError(location: value.location, fieldPath: path, reason: reason)
    }

    func child(_ key: String, _ value: YAMLValue) -> Field {
        Field(value, path: path.isEmpty ? key : path + "." + key)
    }

    /// This value as a mapping.
    func mapping() throws(InputError) -> Mapping {
        guard case .mapping(let entries) = value.content else {
            throw error("expected a mapping, found \(value.kindDescription)")
        }
        return Mapping(field: self, entries: entries)
    }

    /// This value as a list of fields; null reads as an empty list.
    func sequence() throws(InputError) -> [Field] {
        if isNull { return [] }
        guard case .sequence(let items) = value.content else {
            throw error("expected a list, found \(value.kindDescription)")
        }
        return items.enumerated().map { Field($0.element, path: "\(path)[\($0.offset)]") }
    }

    /// The text of a scalar (numbers and booleans included, as written).
    func string() throws(InputError) -> String {
        guard case .scalar(let text, _) = value.content, !isNull else {
            throw error("expected a string, found \(value.kindDescription)")
        }
        return text
    }

    func int64() throws(InputError) -> Int64 {
        let text = try string()
        guard let number = Int64(text) else { throw error("expected an integer, found \"\(text)\"") }
        return number
    }

    func int32() throws(InputError) -> Int32 {
        let number = try int64()
        guard let small = Int32(exactly: number) else { throw error("integer \(number) out of range") }
        return small
    }

    /// A non-negative integer (replicas, counts).
    func count() throws(InputError) -> Int {
        let number = try int64()
        guard number >= 0 else { throw error("must not be negative, found \(number)") }
        return Int(number)
    }

    func double() throws(InputError) -> Double {
        let text = try string()
        guard let number = Double(text), number.isFinite else { throw error("expected a number, found \"\(text)\"") }
        return number
    }

    func bool() throws(InputError) -> Bool {
        switch try string() {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        case let text: throw error("expected true or false, found \"\(text)\"")
        }
    }

    /// A Kubernetes quantity; JSON numbers and YAML integers are accepted as well as strings.
    func quantity() throws(InputError) -> Quantity {
        let text = try string()
        do {
            return try Quantity(parsing: text)
        } catch {
            throw self.error(error.description)
        }
    }

    /// A string-valued enum such as an operator or an effect, one of `allowed`.
    func oneOf<Value: RawRepresentable>(_ allowed: [Value]) throws(InputError) -> Value where Value.RawValue == String {
        let text = try string()
        guard let value = allowed.first(where: { $0.rawValue == text }) else {
            let names = allowed.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw error("unknown value \"\(text)\"; expected one of \(names)")
        }
        return value
    }

    /// A string-valued enum accepting every case.
    func `enum`<Value: RawRepresentable & CaseIterable>(_ type: Value.Type) throws(InputError) -> Value
    where Value.RawValue == String {
        try oneOf(Array(Value.allCases))
    }

    /// A map of strings (labels, annotations, nodeSelector); scalars of any kind read as their text.
    func stringMap() throws(InputError) -> [String: String] {
        if isNull { return [:] }
        let mapping = try mapping()
        var result: [String: String] = [:]
        result.reserveCapacity(mapping.entries.count)
        for entry in mapping.entries {
            let field = child(entry.key, entry.value)
            result[entry.key] = field.isNull ? "" : try field.string()
        }
        return result
    }

    func stringList() throws(InputError) -> [String] {
        var result: [String] = []
        for item in try sequence() { result.append(try item.string()) }
        return result
    }

    /// A resource list: `{cpu: 500m, memory: 1Gi}`. Amounts must not be negative, as Kubernetes validates.
    func resourceList() throws(InputError) -> ResourceList {
        if isNull { return ResourceList() }
        var values: [String: Quantity] = [:]
        for entry in try mapping().entries {
            let field = child(entry.key, entry.value)
            let quantity = try field.quantity()
            guard quantity.milli >= 0 else { throw field.error("must not be negative, found \(try field.string())") }
            values[entry.key] = quantity
        }
        return ResourceList(values)
    }

    /// A duration such as `720h`, `1h30m`, `90s` in seconds (Go `time.ParseDuration` syntax).
    func duration() throws(InputError) -> Double {
        let text = try string()
        guard let seconds = DurationParser.seconds(text) else {
            throw error("invalid duration \"\(text)\"; expected e.g. \"720h\", \"30m\" or \"1h30m\"")
        }
        return seconds
    }

    /// A duration or `Never` (nil).
    func durationOrNever() throws(InputError) -> Double? {
        if try string() == "Never" { return nil }
        return try duration()
    }

    /// An RFC 3339 timestamp in seconds since the Unix epoch.
    func timestamp() throws(InputError) -> Double {
        let text = try string()
        guard let seconds = TimestampParser.secondsSinceEpoch(text) else {
            throw error("invalid timestamp \"\(text)\"; expected RFC 3339 such as \"2024-05-01T12:00:00Z\"")
        }
        return seconds
    }
}
