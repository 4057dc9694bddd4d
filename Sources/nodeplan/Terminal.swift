import Foundation

/// Facts about where the command writes.
enum Terminal {
    /// Standard output is a terminal (colours make sense).
    static var standardOutputIsTerminal: Bool { isatty(FileHandle.standardOutput.fileDescriptor) == 1 }
    /// Standard error is a terminal (live progress lines make sense).
    static var standardErrorIsTerminal: Bool { isatty(FileHandle.standardError.fileDescriptor) == 1 }

    static func printError(_ message: String) {
        var text = "nodeplan: " + message
        if !text.hasSuffix("\n") { text += "\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

extension CommandFailure {
    /// Prints the message and turns the failure into the exit code ArgumentParser uses.
    func report() -> Error {
        Terminal.printError(message)
        return status
    }
}
