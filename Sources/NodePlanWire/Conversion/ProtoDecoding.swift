import SwiftProtobuf

// Shared helpers of protobuf <-> model conversion. The decoding checks throw a
// `ProtoDecodingError` whose path is relative to the message being decoded; callers prefix their
// own field names on the way out, so the happy path never builds a path string.

/// Decodes the value of field `field`; an error's path starts with the field's name.
func decodeField<Element, Value>(
    _ field: String, _ element: Element, _ transform: (Element) throws(ProtoDecodingError) -> Value
) throws(ProtoDecodingError) -> Value {
    do { return try transform(element) } catch { throw error.nested(in: field) }
}

/// Decodes every element of the repeated field `field`; an error names the element's index.
func decodingEach<Element, Value>(
    _ field: String, _ elements: [Element], _ transform: (Element) throws(ProtoDecodingError) -> Value
) throws(ProtoDecodingError) -> [Value] {
    var result: [Value] = []
    result.reserveCapacity(elements.count)
    for index in elements.indices {
        do { result.append(try transform(elements[index])) } catch { throw error.nested(in: "\(field)[\(index)]") }
    }
    return result
}

/// `value`, which must not be empty.
func nonEmpty(_ value: String, _ field: String) throws(ProtoDecodingError) -> String {
    guard !value.isEmpty else { throw ProtoDecodingError(fieldPath: field, reason: "must not be empty") }
    return value
}

/// `value`, which must be finite and (unless `allowNegative`) not negative.
func finite(_ value: Double, _ field: String, allowNegative: Bool = false) throws(ProtoDecodingError) -> Double {
    guard value.isFinite else { throw ProtoDecodingError(fieldPath: field, reason: "must be finite, got \(value)") }
    guard allowNegative || value >= 0 else {
        throw ProtoDecodingError(fieldPath: field, reason: "must not be negative, got \(value)")
    }
    return value
}

/// `value`, which must lie in `range`.
func within<Integer: BinaryInteger>(_ value: Integer, _ range: ClosedRange<Integer>, _ field: String) throws(ProtoDecodingError) -> Integer {
    guard range.contains(value) else {
        throw ProtoDecodingError(fieldPath: field, reason: "\(value) outside \(range.lowerBound)...\(range.upperBound)")
    }
    return value
}

/// `value` as an `Int32` index (the model's pod references), which must be below `count` when known.
func index(_ value: UInt32, _ field: String, count: Int?, of table: String) throws(ProtoDecodingError) -> Int32 {
    if let count, Int(value) >= count {
        throw ProtoDecodingError(fieldPath: field, reason: "index \(value) out of range (\(table) has \(count))")
    }
    guard value <= UInt32(Int32.max) else {
        throw ProtoDecodingError(fieldPath: field, reason: "index \(value) above \(Int32.max)")
    }
    return Int32(value)
}

/// A model enum with a protobuf counterpart whose value 0 is UNSPECIFIED.
protocol ProtoEnumConvertible {
    associatedtype ProtoValue: SwiftProtobuf.Enum
    /// Nil for UNSPECIFIED and for values this build does not know.
    init?(proto: ProtoValue)
    var proto: ProtoValue { get }
}

/// The model value of `value`; UNSPECIFIED means `defaultValue`, and is an error without one.
func decodeEnum<Model: ProtoEnumConvertible>(
    _ value: Model.ProtoValue, _ field: String, default defaultValue: Model? = nil
) throws(ProtoDecodingError) -> Model {
    if let model = Model(proto: value) { return model }
    if value.rawValue == 0 {
        if let defaultValue { return defaultValue }
        throw ProtoDecodingError(fieldPath: field, reason: "must be specified")
    }
    throw ProtoDecodingError(fieldPath: field, reason: "unknown enum value \(value.rawValue)")
}

/// The model value of an optional enum field: UNSPECIFIED means nil.
func decodeOptionalEnum<Model: ProtoEnumConvertible>(
    _ value: Model.ProtoValue, _ field: String
) throws(ProtoDecodingError) -> Model? {
    value.rawValue == 0 ? nil : try decodeEnum(value, field)
}

/// String maps (labels, annotations, selectors, tags): keys must not be empty.
func stringMap(_ map: [String: String], _ field: String) throws(ProtoDecodingError) -> [String: String] {
    if map[""] != nil { throw ProtoDecodingError(fieldPath: field, reason: "has an empty key") }
    return map
}

/// Count maps (attach limits, attachments): keys must not be empty, counts not negative.
func countMap(_ map: [String: Int64], _ field: String) throws(ProtoDecodingError) -> [String: Int] {
    var result: [String: Int] = [:]
    result.reserveCapacity(map.count)
    for (key, value) in map {
        guard !key.isEmpty else { throw ProtoDecodingError(fieldPath: field, reason: "has an empty key") }
        guard value >= 0 else { throw ProtoDecodingError(fieldPath: "\(field)[\(key)]", reason: "must not be negative, got \(value)") }
        result[key] = Int(value)
    }
    return result
}

/// Names of a list that must be unique (NodePools, nodes, ...).
func requireUnique(_ names: some Sequence<String>, _ field: String) throws(ProtoDecodingError) {
    var seen = Set<String>()
    for (index, name) in names.enumerated() where !seen.insert(name).inserted {
        throw ProtoDecodingError(fieldPath: "\(field)[\(index)].name", reason: "duplicate name \"\(name)\"")
    }
}

/// Fails unless the required message field `field` is present.
func requirePresent(_ isPresent: Bool, _ field: String) throws(ProtoDecodingError) {
    guard isPresent else { throw ProtoDecodingError(fieldPath: field, reason: "is required") }
}

/// A model index as a wire index. A negative index (a bug in whoever built the value) becomes a
/// huge one that every decoder rejects as out of range, rather than trapping the encoder.
func wireIndex(_ index: Int32) -> UInt32 { UInt32(truncatingIfNeeded: index) }
