import Foundation
import Hummingbird
import Sodium

/// The files of `Static/` (CSS and JavaScript), read once from the bundle and served from
/// memory under `/static/`, each with its content type and an entity tag so browsers revalidate
/// cheaply (`Cache-Control: no-cache`) and never run a stale script after an upgrade.
struct StaticFiles: Sendable {
    struct File: Sendable {
        let bytes: [UInt8]
        let contentType: String
        let etag: String
    }

    let files: [String: File]

    static let shared = StaticFiles(directory: Bundle.module.resourceURL!.appendingPathComponent("Static"))

    /// The content type of a file name's extension.
    static func contentType(of name: String) -> String {
        switch name.split(separator: ".").last.map({ $0.lowercased() }) {
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "ico": return "image/x-icon"
        case "txt": return "text/plain; charset=utf-8"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }

    /// Reads every regular file directly in `directory` (hidden files skipped).
    init(directory: URL) {
        var files: [String: File] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where !name.hasPrefix(".") {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else {
                continue
            }
            let bytes = [UInt8](data)
            let etag = "\"" + SHA256.hash(bytes).hex.prefix(32) + "\""
            files[name] = File(bytes: bytes, contentType: StaticFiles.contentType(of: name), etag: etag)
        }
        self.files = files
    }

    /// The response for `GET /static/<name>`: the file, `304` when the browser's copy is current,
    /// or a plain `404`; for `HEAD` (`body: false`), the same status and headers without the body.
    func response(name: String, request: Request, body: Bool = true) -> Response {
        guard let file = files[name] else {
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(
                status: .notFound, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: "not found\n")))
        }
        var headers = HTTPFields()
        headers[.cacheControl] = "no-cache"
        headers[.eTag] = file.etag
        headers[.xContentTypeOptions] = "nosniff"
        if let match = request.headers[.ifNoneMatch],
            match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == file.etag })
        {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = file.contentType
        headers[.contentLength] = String(file.bytes.count)
        guard body else { return Response(status: .ok, headers: headers) }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}
