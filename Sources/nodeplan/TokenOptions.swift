import ArgumentParser
import Foundation

/// The shared bearer token of the solver service, from a file or `NODEPLAN_TOKEN` — never from a
/// flag, because other users on the machine can read a process's arguments.
struct TokenOptions: ParsableArguments {
    @Option(name: .long, help: "File holding the bearer token (surrounding whitespace is ignored); default: $NODEPLAN_TOKEN.")
    var tokenFile: String?

    func read() throws -> String {
        guard let token = try readIfGiven() else {
            throw ValidationError("a bearer token is required: pass --token-file or set NODEPLAN_TOKEN")
        }
        return token
    }

    /// The token, or nil when neither --token-file nor NODEPLAN_TOKEN gives one.
    func readIfGiven() throws -> String? {
        let raw: String?
        if let tokenFile {
            do {
                raw = try String(contentsOfFile: tokenFile, encoding: .utf8)
            } catch {
                throw ValidationError("--token-file: cannot read \(tokenFile): \(error.localizedDescription)")
            }
        } else {
            raw = ProcessInfo.processInfo.environment["NODEPLAN_TOKEN"]
        }
        guard let raw else { return nil }
        let token = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else {
            throw ValidationError(tokenFile.map { "--token-file: \($0) holds no token" } ?? "NODEPLAN_TOKEN is empty")
        }
        return token
    }
}
