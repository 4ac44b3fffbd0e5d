import ArgumentParser
import Foundation
import Service

/// `plenum demo`: creates a demo organization (unless the database already holds one) and
/// serves it. This is what the README's run command starts.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo organization with members, proposals and rounds, and serve it.",
        discussion: """
            The first run writes the database and the members' keys (--keys); later runs serve \
            what is there. Act as a demo member with `--key-file <keys>/ben.key` on any client command.
            """)

    @Option(help: ArgumentHelp("The SQLite database file.", valueName: "path"))
    var db = "plenum-demo.sqlite"

    @Option(help: ArgumentHelp("Where the demo members' secret keys are written.", valueName: "directory"))
    var keys = "plenum-demo-keys"

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    func run() async throws {
        var server = ServerOptions()
        server.db = db
        server.logKey = "\(keys)/log.key"
        server.host = host
        server.port = port
        let organization: Organization
        if FileManager.default.fileExists(atPath: db) {
            organization = try ServeCommand.open(server)
        } else {
            do {
                organization = try await DemoOrganization(database: db, keys: keys).create()
            } catch {
                throw CommandFailure("cannot create the demo organization: \(error)")
            }
            print("created the demo organization in \(db); members' keys are in \(keys)/")
        }
        print("act as a member: plenum proposals --key-file \(keys)/ben.key --server http://\(host):\(port)")
        try await ServeCommand.serve(organization, server)
    }
}
