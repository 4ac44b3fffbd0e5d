import Foundation
import Ledger
import Sodium
import Statements

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A client of a running Plenum server: signs statements with the local key, logs in by signing
/// a challenge, and reads the JSON API. Responses are read with the strict JSON parser.
public final class PlenumClient: @unchecked Sendable {
    /// The server's base URL (`http://127.0.0.1:8080`).
    public let server: URL
    /// The key statements are signed with, when the command acts for someone.
    public let key: SigningKey?
    private var token: String?
    private var organizationID: String?
    private let session: URLSession

    public init(server: URL, key: SigningKey?) {
        self.server = server
        self.key = key
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 30
        self.session = URLSession(configuration: configuration)
    }

    /// The organization's identifier, fetched once.
    public func organization() async throws -> String {
        if let organizationID { return organizationID }
        let org = try await get("org", authenticated: false)
        let id = try org.string("id")
        organizationID = id
        return id
    }

    /// A header for a new statement by the local key.
    public func header() async throws -> StatementHeader {
        guard let key else { throw ClientError(status: 0, code: "no_key", message: "this command needs a key file") }
        let now = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        return StatementHeader(organization: try await organization(), author: key.publicKey, created: now)
    }

    /// Signs `payload` with the local key and sends it; returns the receipt.
    @discardableResult
    public func submit<Payload: StatementPayload>(_ payload: Payload) async throws -> JSONValue {
        try await send(sign(payload), to: "statements")
    }

    /// `payload` signed with the local key, as the API carries statements.
    public func sign<Payload: StatementPayload>(_ payload: Payload) throws -> JSONValue {
        guard let key else { throw ClientError(status: 0, code: "no_key", message: "this command needs a key file") }
        let statement = SignedStatement(signing: payload.canonicalBytes, as: Payload.kind, with: key)
        return .object([
            JSONMember("kind", .string(Payload.kind.name)),
            JSONMember("payload", .string(Base64URL.encode(statement.payload))),
            JSONMember("signature", .string(statement.signature.base64url)),
        ])
    }

    /// Logs in by signing a challenge, once per client.
    public func login() async throws {
        guard token == nil else { return }
        let challenge = try await send(.object([]), to: "auth/challenge", authenticated: false)
        let text = try challenge.string("challenge")
        guard let bytes = try? Base64URL.decode(text) else {
            throw ClientError(status: 0, code: "bad_response", message: "the server sent a malformed challenge")
        }
        let login = LoginChallenge(header: try await header(), challenge: bytes)
        let response = try await send(try sign(login), to: "auth/login", authenticated: false)
        token = try response.string("token")
    }

    /// `GET /api/v1/<path>`; logs in first unless `authenticated` is false.
    public func get(_ path: String, authenticated: Bool = true) async throws -> JSONValue {
        if authenticated { try await login() }
        return try await request("GET", path, body: nil)
    }

    /// `POST /api/v1/<path>` with a JSON body.
    @discardableResult
    public func send(_ body: JSONValue, to path: String, authenticated: Bool = false) async throws -> JSONValue {
        if authenticated { try await login() }
        return try await request("POST", path, body: CanonicalJSON.encode(body))
    }

    /// `GET /api/v1/<path>` as raw bytes (a record), after logging in.
    public func download(_ path: String) async throws -> [UInt8] {
        try await login()
        let (status, data) = try await exchange("GET", path, body: nil)
        guard (200..<300).contains(status) else {
            let value = try? StrictJSONParser().parse(Array(data))
            throw ClientError(
                status: status, code: value?["error"]?["code"]?.stringValue ?? "http_\(status)",
                message: value?["error"]?["message"]?.stringValue ?? "the server answered \(status)")
        }
        return Array(data)
    }

    private func request(_ method: String, _ path: String, body: [UInt8]?) async throws -> JSONValue {
        let (status, data) = try await exchange(method, path, body: body)
        let value: JSONValue
        do {
            value = try StrictJSONParser(maximumDepth: 64, maximumBytes: 1 << 30).parse(Array(data))
        } catch {
            throw ClientError(
                status: status, code: "bad_response", message: "the server's answer is not JSON: \(error)")
        }
        guard (200..<300).contains(status) else {
            let error = value["error"]
            throw ClientError(
                status: status, code: error?["code"]?.stringValue ?? "http_\(status)",
                message: error?["message"]?.stringValue ?? "the server answered \(status)")
        }
        return value
    }

    private func exchange(_ method: String, _ path: String, body: [UInt8]?) async throws -> (Int, Data) {
        guard let url = URL(string: "api/v1/" + path, relativeTo: server) else {
            throw ClientError(status: 0, code: "bad_url", message: "cannot form a URL for \(path)")
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        do {
            let (data, response) = try await session.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
        } catch {
            throw ClientError(
                status: 0, code: "unreachable",
                message: "cannot reach \(server.absoluteString): \(error.localizedDescription)")
        }
    }
}

extension JSONValue {
    /// The member `key` of an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The string value, if this is a string.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The integer value, if this is an integer.
    public var integerValue: Int64? {
        if case .integer(let number) = self { return number }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The string member `key`, or a bad-response error.
    public func string(_ key: String) throws -> String {
        guard let text = self[key]?.stringValue else {
            throw ClientError(status: 0, code: "bad_response", message: "the server's answer has no \"\(key)\"")
        }
        return text
    }

    /// The integer member `key`, or a bad-response error.
    public func integer(_ key: String) throws -> Int64 {
        guard let number = self[key]?.integerValue else {
            throw ClientError(status: 0, code: "bad_response", message: "the server's answer has no \"\(key)\"")
        }
        return number
    }
}
