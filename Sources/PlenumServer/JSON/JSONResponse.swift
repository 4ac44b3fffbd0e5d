import Hummingbird
import StrictJSON

/// JSON responses, written canonically (sorted keys, no whitespace) so the same state always
/// gives the same bytes.
enum JSONResponse {
    static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        let bytes = CanonicalJSON.encode(value)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func object(_ members: [JSONMember], status: HTTPResponse.Status = .ok) -> Response {
        make(.object(members), status: status)
    }
}
