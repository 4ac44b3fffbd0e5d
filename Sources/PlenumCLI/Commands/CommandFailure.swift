import ArgumentParser

/// A command that could not do what was asked: printed as `Error: <message>` with exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) { self.message = message }

    var description: String { message }
}
