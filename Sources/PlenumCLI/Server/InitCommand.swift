import ArgumentParser
import Foundation
import Ledger
import Service
import Sodium
import Store

/// `plenum init`: creates an organization in a new database, with its log key and its first
/// steward (the key in your key file).
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an organization: its database, its log key and its first steward.",
        discussion: """
            The first steward is the holder of --key-file (made with `plenum key new`). The log key \
            is generated and saved beside the database with mode 0600; the server signs checkpoints, \
            scheduled closes and result certificates with it.
            """)

    @OptionGroup var server: ServerOptions

    @Option(help: "The organization's identifier: 1 to 64 of a-z, 0-9 and -.")
    var org: String

    @Option(help: "The organization's display name.")
    var name: String

    @Option(help: "The checkpoint origin that names this log (default plenum.local/<org>).")
    var origin: String?

    @Option(name: .customLong("steward-name"), help: "The first steward's display name.")
    var stewardName: String

    @Option(
        name: .customLong("key-file"), help: ArgumentHelp("The first steward's secret key file.", valueName: "path"))
    var keyFile: String?

    func run() async throws {
        let founder = try KeyFile(
            path: keyFile ?? KeyFile.defaultPath(environment: ProcessInfo.processInfo.environment)
        )
        .loadForCommand()
        guard !FileManager.default.fileExists(atPath: server.db) else {
            throw CommandFailure("\(server.db) already exists; choose another --db")
        }
        let logKeyFile = KeyFile(path: server.logKeyPath)
        let logKey = try SigningKey.generate()
        do { try logKeyFile.save(logKey) } catch { throw CommandFailure("cannot save the log key: \(error)") }
        do {
            let database = try PlenumDatabase(path: server.db)
            try Organization.create(
                in: database, organization: org, name: name, origin: origin ?? "plenum.local/\(org)", logKey: logKey,
                founder: founder.publicKey, founderName: stewardName, now: Clock.milliseconds())
        } catch {
            throw CommandFailure("cannot create the organization: \(error)")
        }
        print("created \(org) in \(server.db); log key \(logKey.publicKey.base64url) saved to \(logKeyFile.path)")
        print(
            "first steward: \(stewardName) (\(founder.publicKey.base64url)); start it with `plenum serve --db \(server.db)`"
        )
    }
}

/// The system clock in Unix milliseconds.
enum Clock {
    static func milliseconds() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }
}

extension KeyFile {
    /// Loads the key, turning a failure into the command's error message.
    func loadForCommand() throws -> SigningKey {
        do { return try load() } catch { throw CommandFailure("\(error)") }
    }
}
