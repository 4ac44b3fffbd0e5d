import Foundation
import Ledger
import PlenumServer
import Service
import Sodium
import Statements
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The HTTP server running in-process on 127.0.0.1 and a free port, for API tests. Stop it with
/// ``stop()``.
public final class TestServer: Sendable {
    public let port: Int
    private let task: Task<Void, any Error>

    /// Starts serving `organization` and waits until it accepts connections.
    public init(_ organization: Organization) async throws {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        task = Task {
            try await PlenumServer.run(organization: organization, host: "127.0.0.1", port: 0) { port in
                continuation.yield(port)
                continuation.finish()
            }
        }
        var bound: Int?
        for await port in stream {
            bound = port
            break
        }
        guard let bound else { throw TestServerError.notStarted }
        port = bound
    }

    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/")! }

    /// Stops the server and waits for it to finish.
    public func stop() async {
        task.cancel()
        _ = await task.result
    }
}

/// The server did not start.
public enum TestServerError: Error {
    case notStarted
}

/// A raw HTTP exchange with the API, for tests that send exactly the bytes they mean to.
public struct APIResponse: Sendable {
    public let status: Int
    public let body: [UInt8]

    /// The body as strict JSON.
    public var json: JSONValue? { try? StrictJSONParser(maximumDepth: 64, maximumBytes: 1 << 30).parse(body) }

    /// The error code of an error body.
    public var errorCode: String? {
        guard case .object(let members)? = json,
            case .object(let error)? = members.first(where: { $0.key == "error" })?.value,
            case .string(let code)? = error.first(where: { $0.key == "code" })?.value
        else { return nil }
        return code
    }
}

extension TestServer {
    /// Sends `method path` with `body` (raw bytes) and an optional bearer token.
    public func request(
        _ method: String, _ path: String, body: [UInt8]? = nil, token: String? = nil
    ) async throws
        -> APIResponse
    {
        var request = URLRequest(url: URL(string: "api/v1/" + path, relativeTo: baseURL)!)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return APIResponse(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: Array(data))
    }

    /// Posts a signed statement in the API's wire form.
    public func post(_ statement: SignedStatement) async throws -> APIResponse {
        let body = JSONValue.object([
            JSONMember("kind", .string(statement.kind.name)),
            JSONMember("payload", .string(Base64URL.encode(statement.payload))),
            JSONMember("signature", .string(statement.signature.base64url)),
        ])
        return try await request("POST", "statements", body: CanonicalJSON.encode(body))
    }

    /// Logs `key` in through the challenge and returns the token.
    public func login(
        _ key: SigningKey, organization: String = TestOrganization.id, created: Int64
    ) async throws
        -> String
    {
        let challenge = try await request("POST", "auth/challenge", body: Array("{}".utf8))
        guard case .object(let members)? = challenge.json,
            case .string(let text)? = members.first(where: { $0.key == "challenge" })?.value
        else { throw TestServerError.notStarted }
        let login = LoginChallenge(
            header: StatementHeader(organization: organization, author: key.publicKey, created: created),
            challenge: try Base64URL.decode(text))
        let statement = SignedStatement(signing: login.canonicalBytes, as: LoginChallenge.kind, with: key)
        let body = JSONValue.object([
            JSONMember("kind", .string(statement.kind.name)),
            JSONMember("payload", .string(Base64URL.encode(statement.payload))),
            JSONMember("signature", .string(statement.signature.base64url)),
        ])
        let answer = try await request("POST", "auth/login", body: CanonicalJSON.encode(body))
        guard case .object(let result)? = answer.json,
            case .string(let token)? = result.first(where: { $0.key == "token" })?.value
        else { throw TestServerError.notStarted }
        return token
    }
}
