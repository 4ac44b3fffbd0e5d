import ArgumentParser
import Foundation
import Testing

@testable import PlenumCLI

/// A temporary folder and `plenum`'s own argument parser, for testing the commands that return
/// what they print (`tally`, `shares`): the output compared exactly, each failure as the one-line
/// message the user sees.
struct CommandHarness {
    /// A fresh folder for the test's files.
    let folder: String

    init(_ prefix: String) throws {
        folder = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// Writes `contents` to `name` in the test folder and returns its path.
    func write(_ name: String, _ contents: String) throws -> String {
        let path = folder + "/" + name
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// What `plenum <arguments>` prints.
    func output(_ arguments: [String]) throws -> String {
        switch try PlenumCommand.parseAsRoot(arguments) {
        case let tally as TallyCommand: return try tally.output()
        case let shares as SharesCommand: return try shares.output()
        default:
            Issue.record("\(arguments) is not a command that returns its output")
            return ""
        }
    }

    /// The message `plenum <arguments>` fails with (which must be one line).
    func failure(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> String {
        do {
            let printed = try output(arguments)
            Issue.record("succeeded with \(printed)", sourceLocation: sourceLocation)
            return ""
        } catch let failure as CommandFailure {
            #expect(!failure.message.contains("\n"), sourceLocation: sourceLocation)
            return failure.message
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
            return ""
        }
    }
}
