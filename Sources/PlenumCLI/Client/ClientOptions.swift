import ArgumentParser
import Foundation
import Ledger
import Sodium
import Statements

/// Which server a client command talks to, and whose key signs.
struct ClientOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The server's base URL.", discussion: "Defaults to $PLENUM_SERVER, or http://127.0.0.1:8080.",
            valueName: "url"))
    var server: String?

    @Option(
        name: .customLong("key-file"),
        help: ArgumentHelp(
            "Your secret key file.", discussion: "Defaults to $PLENUM_KEY, or ~/.config/plenum/member.key.",
            valueName: "path"))
    var keyFile: String?

    @Flag(help: "Print the server's JSON answer instead of a summary.")
    var json = false

    /// A client signing with the key file.
    func client() throws -> PlenumClient {
        let environment = ProcessInfo.processInfo.environment
        let text = server ?? environment["PLENUM_SERVER"] ?? "http://127.0.0.1:8080"
        guard let url = URL(string: text.hasSuffix("/") ? text : text + "/"), url.scheme != nil else {
            throw CommandFailure("\(text) is not a URL")
        }
        let key = try KeyFile(path: keyFile ?? KeyFile.defaultPath(environment: environment)).loadForCommand()
        return PlenumClient(server: url, key: key)
    }

    /// Prints `value` as canonical JSON when --json was given, else runs `summary`.
    func output(_ value: JSONValue, summary: () throws -> Void) rethrows {
        if json {
            print(String(decoding: CanonicalJSON.encode(value), as: UTF8.self))
        } else {
            try summary()
        }
    }
}

/// Runs a client command body, turning client errors into the command's message.
func clientCommand(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as ClientError {
        throw CommandFailure(error.description)
    }
}

/// Parses a statement id given on the command line.
func statementArgument(_ text: String, _ what: String) throws -> StatementID {
    guard let id = StatementID(hex: text) else {
        throw CommandFailure("\(what) must be a statement id (64 hex digits), not \"\(text)\"")
    }
    return id
}

/// Parses repeated `key=value` options (`--param`) into a dictionary; a later key replaces an earlier.
func keyValues(_ items: [String], option: String) throws -> [String: String] {
    var values: [String: String] = [:]
    for item in items {
        let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw CommandFailure("\(option) takes key=value, not \(item)") }
        values[parts[0]] = parts[1]
    }
    return values
}
