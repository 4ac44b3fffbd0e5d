import ArgumentParser
import Foundation

/// Where the server's database and log key are, and where it listens.
struct ServerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The SQLite database file.", valueName: "path"))
    var db = "plenum.sqlite"

    @Option(
        name: .customLong("log-key"),
        help: ArgumentHelp(
            "The log key's secret key file (signs checkpoints, scheduled closes and results).",
            discussion: "Defaults to the database path with -log.key in place of its extension.", valueName: "path"))
    var logKey: String?

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    var logKeyPath: String {
        if let logKey { return logKey }
        let url = URL(fileURLWithPath: db)
        return url.deletingPathExtension().path + "-log.key"
    }
}
