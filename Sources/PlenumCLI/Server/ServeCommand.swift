import ArgumentParser
import Foundation
import Logging
import PlenumServer
import Service
import Store

/// `plenum serve`: serves an organization's database over HTTP until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve an organization (made by `plenum init`) over HTTP.",
        discussion: "Stops gracefully on SIGINT or SIGTERM: statements already received are answered first.")

    @OptionGroup var server: ServerOptions

    func run() async throws {
        let organization = try ServeCommand.open(server)
        try await ServeCommand.serve(organization, server)
    }

    static func open(_ server: ServerOptions) throws -> Organization {
        guard FileManager.default.fileExists(atPath: server.db) else {
            throw CommandFailure("\(server.db) does not exist; create it with `plenum init` (or run `plenum demo`)")
        }
        let logKey = try KeyFile(path: server.logKeyPath).loadForCommand()
        do {
            return try Organization(
                database: try PlenumDatabase(path: server.db), logKey: logKey, configuration: .fromEnvironment())
        } catch {
            throw CommandFailure("cannot open \(server.db): \(error)")
        }
    }

    static func serve(_ organization: Organization, _ server: ServerOptions) async throws {
        var logger = Logger(label: "plenum")
        logger.logLevel = .notice
        try await PlenumServer.run(organization: organization, host: server.host, port: server.port, logger: logger) {
            port in
            // Written unbuffered, so a script that waits for this line sees it at once.
            let line = "Plenum is serving \(organization.id) at http://\(server.host):\(port)/api/v1/org\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }
}
