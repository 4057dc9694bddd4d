/// A Kubernetes object as `kubectl get -o yaml` prints it: strings, integers, booleans, lists and
/// maps (keys come out sorted, as kubectl sorts them).
enum KubeValue: Encodable, Sendable, ExpressibleByStringInterpolation, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([KubeValue])
    case map([String: KubeValue])

    init(stringLiteral value: String) { self = .string(value) }
    init(stringInterpolation: DefaultStringInterpolation) { self = .string(String(stringInterpolation: stringInterpolation)) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: KubeValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, KubeValue)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { $1 }))
    }

    /// A map of strings, such as labels or a node selector.
    static func strings(_ values: [String: String]) -> KubeValue { .map(values.mapValues { .string($0) }) }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .list(let value): try container.encode(value)
        case .map(let value): try container.encode(value)
        }
    }
}
