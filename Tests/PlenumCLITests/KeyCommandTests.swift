import ArgumentParser
import Foundation
import Sodium
import Testing

@testable import PlenumCLI

/// `plenum key ...` as a user types it: parsing, help text, and what each subcommand does.
@Suite struct KeyCommandTests {
    /// Parses `arguments` as `plenum` would and runs the command.
    func run(_ arguments: [String]) async throws {
        let parsed = try PlenumCommand.parseAsRoot(arguments)
        guard var command = parsed as? any AsyncParsableCommand else {
            Issue.record("\(arguments) is not an async command")
            return
        }
        try await command.run()
    }

    @Test func newThenShowPrintTheSameKeyAndNewRefusesToOverwrite() async throws {
        let path = NSTemporaryDirectory() + "plenum-cli-\(UUID().uuidString)/member.key"
        try await run(["key", "new", "--key-file", path])
        let key = try KeyFile(path: path).load()

        await #expect(throws: (any Error).self) { try await run(["key", "new", "--key-file", path]) }
        #expect(try KeyFile(path: path).load().publicKey == key.publicKey)

        try await run(["key", "new", "--key-file", path, "--force"])
        #expect(try KeyFile(path: path).load().publicKey != key.publicKey)
    }

    @Test func checkAcceptsAGeneratedKeyAndRefusesTheZeroKey() async throws {
        let valid = try SigningKey.generate().publicKey.base64url
        try await run(["key", "check", valid])
        await #expect(throws: (any Error).self) { try await run(["key", "check", String(repeating: "A", count: 43)]) }
        await #expect(throws: (any Error).self) { try await run(["key", "check", "not base64url!"]) }
    }

    @Test func everyOptionIsExplainedInTheHelp() {
        let newHelp = PlenumCommand.helpMessage(for: KeyCommand.New.self)
        #expect(newHelp.contains("--key-file <path>"))
        #expect(newHelp.contains("PLENUM_KEY"))
        #expect(newHelp.contains("--force"))
        let checkHelp = PlenumCommand.helpMessage(for: KeyCommand.Check.self)
        #expect(checkHelp.contains("<public-key>"))
        #expect(checkHelp.contains("small-order"))
        let rootHelp = PlenumCommand.helpMessage()
        #expect(rootHelp.contains("key"))
    }

    @Test func anUnknownSubcommandIsAParseError() {
        #expect(throws: (any Error).self) { try PlenumCommand.parseAsRoot(["key", "frobnicate"]) }
    }
}
