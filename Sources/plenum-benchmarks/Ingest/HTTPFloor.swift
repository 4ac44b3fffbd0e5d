import Foundation
import Hummingbird
import Logging

/// What HTTP alone costs on this machine: the same requests, from the same load generator, to a
/// Hummingbird server with the same `ApplicationConfiguration` whose `POST /api/v1/statements`
/// only reads the body and answers 201 with as many bytes as a real receipt. No JSON, no
/// signature, no store, no middleware: it can only be faster than the service's server, so the
/// bound below is an upper bound.
///
/// Its rate F bounds the service's: a ballot costs at least what a trivial request costs plus one
/// verification, so with the two-core ceiling C the service can reach at most 1 / (1/F + 1/C),
/// and half the ceiling only if F ≥ C.
enum HTTPFloor {
    static func measure(
        requests: [[UInt8]], connections: Int, responseLength: Int, logger: Logger
    ) async throws -> LoadGenerator.Result {
        let body = ByteBuffer(bytes: [UInt8](repeating: UInt8(ascii: " "), count: max(0, responseLength)))
        let router = Router()
        router.post("api/v1/statements") { request, _ -> Response in
            var request = request
            let received = try await request.collectBody(upTo: 64 << 10)
            guard received.readableBytes > 0 else { return Response(status: .badRequest) }
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .created, headers: headers, body: ResponseBody(byteBuffer: body))
        }
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0), serverName: "plenum"),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        let server = Task {
            // The stream ends if the server stops before it binds, so the wait below cannot hang.
            defer { portContinuation.finish() }
            try await app.runService()
        }
        var port = 0
        for await bound in portStream {
            port = bound
            break
        }
        guard port > 0 else { throw BenchmarkFailure("the HTTP floor's server did not start: \(await server.result)") }
        let load = await LoadGenerator.drive(requests: requests, port: port, connections: connections)
        server.cancel()
        _ = await server.result
        return load
    }
}
