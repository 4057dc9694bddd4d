import CoreMetrics
import NodePlanWire
import Prometheus

/// The server's metrics, created once against an explicit factory (no global bootstrap), so several
/// servers in one process (tests) keep separate registries.
///
/// Names (see docs/server.md): `nodeplan_requests_total{method}`, `nodeplan_request_duration_seconds{method}`,
/// `nodeplan_solve_duration_seconds{method}`, `nodeplan_plan_pods`, `nodeplan_plan_nodes`,
/// `nodeplan_errors_total{code}`, `nodeplan_requests_in_flight`, `nodeplan_connections`,
/// `nodeplan_solve_pool_load`.
struct ServerMetrics: Sendable {
    private let requests: [RPCMethod: CoreMetrics.Counter]
    private let requestDuration: [RPCMethod: CoreMetrics.Timer]
    private let solveDuration: [RPCMethod: CoreMetrics.Timer]
    private let errors: [StatusCode: CoreMetrics.Counter]
    /// Pods a plan places (launches plus assignments).
    let planPods: Recorder
    /// Nodes a plan launches.
    let planNodes: Recorder
    let inFlight: Meter
    let connections: Meter
    /// Solves running or queued on the pool.
    let poolLoad: Meter

    init(factory: any MetricsFactory) {
        func byMethod<Metric>(_ make: (RPCMethod) -> Metric) -> [RPCMethod: Metric] {
            Dictionary(uniqueKeysWithValues: RPCMethod.allCases.map { ($0, make($0)) })
        }
        requests = byMethod {
            CoreMetrics.Counter(label: "nodeplan_requests_total", dimensions: [("method", $0.metricName)], factory: factory)
        }
        requestDuration = byMethod {
            CoreMetrics.Timer(label: "nodeplan_request_duration_seconds", dimensions: [("method", $0.metricName)],
                              factory: factory)
        }
        solveDuration = byMethod {
            CoreMetrics.Timer(label: "nodeplan_solve_duration_seconds", dimensions: [("method", $0.metricName)],
                              factory: factory)
        }
        errors = Dictionary(uniqueKeysWithValues: StatusCode.allCases.filter { $0 != .ok }.map {
            ($0, CoreMetrics.Counter(label: "nodeplan_errors_total", dimensions: [("code", $0.description)], factory: factory))
        })
        planPods = Recorder(label: "nodeplan_plan_pods", dimensions: [], aggregate: true, factory: factory)
        planNodes = Recorder(label: "nodeplan_plan_nodes", dimensions: [], aggregate: true, factory: factory)
        inFlight = Meter(label: "nodeplan_requests_in_flight", dimensions: [], factory: factory)
        connections = Meter(label: "nodeplan_connections", dimensions: [], factory: factory)
        poolLoad = Meter(label: "nodeplan_solve_pool_load", dimensions: [], factory: factory)
    }

    func requestReceived(_ method: RPCMethod) { requests[method]?.increment() }

    func requestFinished(_ method: RPCMethod, nanoseconds: UInt64) {
        requestDuration[method]?.recordNanoseconds(Int64(clamping: nanoseconds))
    }

    func solved(_ method: RPCMethod, nanoseconds: UInt64) {
        solveDuration[method]?.recordNanoseconds(Int64(clamping: nanoseconds))
    }

    func failed(_ code: StatusCode) { errors[code]?.increment() }
}

extension ServerMetrics {
    /// A Prometheus factory over `registry` with buckets suited to solve latencies and plan sizes.
    static func prometheusFactory(registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30), .seconds(60),
        ]
        factory.defaultValueHistogramBuckets = [0, 1, 10, 50, 100, 500, 1_000, 5_000, 10_000, 50_000, 100_000]
        return factory
    }
}

extension RPCMethod {
    /// The `method` label value.
    var metricName: String {
        switch self {
        case .solve: "solve"
        case .consolidate: "consolidate"
        case .plan: "plan"
        case .validate: "validate"
        case .health: "health"
        case .serverInfo: "server_info"
        }
    }
}
