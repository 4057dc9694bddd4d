import ArgumentParser

/// Exit codes scripts can rely on (documented in `nodeplan --help`).
enum ExitStatus {
    static let unschedulablePods = ExitCode(1)
    static let badInput = ExitCode(2)
    static let validationFailed = ExitCode(3)
    static let internalError = ExitCode(4)
}
