import Foundation
import Hummingbird
import Logging
import Service

/// Runs the HTTP server for one organization until it is cancelled or receives SIGINT/SIGTERM,
/// closing scheduled rounds every second while it runs, and stopping the sequencer last so every
/// queued statement is answered.
public enum PlenumServer {
    /// Serves `organization` on `host:port` (port 0 picks a free port); `onRunning` receives the
    /// bound port once the server accepts connections.
    public static func run(
        organization: Organization, host: String = "127.0.0.1", port: Int = 8080,
        logger: Logger = Logger(label: "plenum.server"), onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let router = PlenumAPI(organization: organization).router()
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "plenum"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(1))
                    await organization.closeDueRounds()
                }
            }
            defer { group.cancelAll() }
            try await group.next()
        }
        organization.shutdown()
    }
}
