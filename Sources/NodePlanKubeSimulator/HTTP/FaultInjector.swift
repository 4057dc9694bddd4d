import NIOConcurrencyHelpers

/// Makes the simulated API server fail on purpose: the next `count` requests whose method and path match
/// get `status` (5xx, 429 with Retry-After, ...) instead of being served.
public final class FaultInjector: Sendable {
    struct Rule {
        var method: String?
        var pathContains: String
        var status: Int
        var remaining: Int
        var retryAfterSeconds: Int?
    }

    private let rules = NIOLockedValueBox<[Rule]>([])
    private let observers = NIOLockedValueBox<[@Sendable (String, String) -> Void]>([])

    init() {}

    /// Fails the next `count` requests with `method` (any when nil) whose path contains `pathContains`.
    public func fail(_ method: String? = nil, pathContains: String, status: Int, count: Int = 1,
                     retryAfterSeconds: Int? = nil) {
        rules.withLockedValue {
            $0.append(Rule(method: method, pathContains: pathContains, status: status, remaining: count,
                           retryAfterSeconds: retryAfterSeconds))
        }
    }

    /// Calls `observer` with the method and path of every request before it is served.
    public func observe(_ observer: @escaping @Sendable (_ method: String, _ path: String) -> Void) {
        observers.withLockedValue { $0.append(observer) }
    }

    /// The failure for this request, if one is due (and uses it up).
    func failure(method: String, path: String) -> (status: Int, retryAfterSeconds: Int?)? {
        for observer in observers.withLockedValue({ $0 }) { observer(method, path) }
        return rules.withLockedValue { rules in
            guard let index = rules.firstIndex(where: {
                ($0.method == nil || $0.method == method) && path.contains($0.pathContains) && $0.remaining > 0
            }) else { return nil }
            rules[index].remaining -= 1
            let rule = rules[index]
            if rule.remaining == 0 { rules.remove(at: index) }
            return (rule.status, rule.retryAfterSeconds)
        }
    }
}
