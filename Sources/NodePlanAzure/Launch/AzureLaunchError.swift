import NodePlanModel

/// Why a launch could not be done.
public enum AzureLaunchError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The request is malformed; `field` names the bad input.
    case invalidRequest(field: String, reason: String)
    /// Every offering was either known unavailable or refused for capacity.
    case insufficientCapacity(failures: [LaunchFailure], skipped: [LaunchOption])

    public var description: String {
        switch self {
        case .invalidRequest(let field, let reason): "invalid launch request: \(field): \(reason)"
        case .insufficientCapacity(let failures, let skipped):
            "no capacity: \(failures.count) offerings refused (\(failures.map(\.summary).joined(separator: "; "))), "
                + "\(skipped.count) known unavailable"
        }
    }
}
