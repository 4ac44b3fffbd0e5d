import Hummingbird
import Ledger
import StrictJSON

/// Reads a request body as strict JSON within the API's bounds: the body size, the nesting depth
/// and the length of every array.
enum RequestJSON {
    /// The largest request body accepted (a statement's payload travels base64url-encoded inside).
    static let maximumBody = 1 << 20
    /// The longest array accepted anywhere in a request.
    static let maximumArrayLength = 10_000

    /// The body's top-level object, read by a ``PayloadReader`` that refuses unknown fields.
    static func object(of request: Request, limit: Int = maximumBody) async throws -> PayloadReader {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw APIError(.contentTooLarge, "too_large", "the request body is \(length) bytes; at most \(limit)")
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            // Without a Content-Length, a body over the limit is found while reading it.
            throw APIError(.contentTooLarge, "too_large", "the request body is over \(limit) bytes")
        }
        let bytes = Array(buffer.readableBytesView)
        let value: JSONValue
        do {
            value = try StrictJSONParser(maximumDepth: 16, maximumBytes: limit).parse(bytes)
        } catch {
            if case .tooLarge = error { throw APIError(.contentTooLarge, error.code, error.description) }
            throw APIError.malformed(error.code, "the request body is not acceptable JSON: \(error.description)")
        }
        try checkArrays(value, path: "")
        guard case .object(let members) = value else {
            throw APIError.malformed("not_an_object", "the request body must be a JSON object")
        }
        return PayloadReader(members)
    }

    private static func checkArrays(_ value: JSONValue, path: String) throws {
        switch value {
        case .array(let elements):
            guard elements.count <= maximumArrayLength else {
                throw APIError(
                    .contentTooLarge, "too_long",
                    "the array \(path.isEmpty ? "at the top" : path) has \(elements.count) elements; at most \(maximumArrayLength)"
                )
            }
            for (index, element) in elements.enumerated() { try checkArrays(element, path: "\(path)[\(index)]") }
        case .object(let members):
            for member in members {
                try checkArrays(member.value, path: path.isEmpty ? member.key : "\(path).\(member.key)")
            }
        default:
            return
        }
    }
}

extension PayloadReader {
    /// Refuses unread fields as an API error.
    func finishRequest() throws {
        do { try finish() } catch { throw APIError.malformed(error.code, error.description) }
    }
}
