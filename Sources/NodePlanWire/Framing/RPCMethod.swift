/// Byte 7 of the frame header: the method a request calls (echoed by its response).
/// Numbers match `nodeplan.v1.Method`; 0 in frames that are not about a method.
public enum RPCMethod: UInt8, CaseIterable, Hashable, Sendable {
    /// `SolveRequest` -> `SolveResponse`: provisioning only.
    case solve = 1
    /// `ConsolidateRequest` -> `ConsolidateResponse`: consolidation only.
    case consolidate = 2
    /// `PlanRequest` -> `PlanResponse`: provisioning, then consolidation.
    case plan = 3
    /// `ValidateRequest` -> `ValidateResponse`.
    case validate = 4
    /// `HealthRequest` -> `HealthResponse`.
    case health = 5
    /// `ServerInfoRequest` -> `ServerInfoResponse`.
    case serverInfo = 6
}
