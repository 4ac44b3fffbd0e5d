import Foundation
import Hummingbird
import PlenumServer
import PlenumTestSupport
import Testing

/// Keeps docs/openapi.yaml true to the code: the documented operations are exactly the routes
/// the router serves, and every error code the service and the HTTP edge raise is documented
/// under the status it is sent with.
@Suite("docs/openapi.yaml matches the code")
struct OpenAPITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func document() throws -> String {
        try String(contentsOf: root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
    }

    /// `METHOD /path` for every operation under `paths:` (paths at two spaces, methods at four).
    static func documentedOperations(_ text: String) -> Set<String> {
        var operations = Set<String>()
        var inPaths = false
        var path: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") {
                inPaths = line == "paths:"
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let method = line.trimmingCharacters(in: .whitespaces).dropLast()
                if ["get", "post", "put", "patch", "delete"].contains(String(method)) {
                    operations.insert("\(method.uppercased()) \(path)")
                }
            }
        }
        return operations
    }

    /// Each documented error code and the status it is listed under: the list after "Error codes
    /// (by status):" in the description, one `- NNN:` item per status, up to the next blank line.
    static func documentedCodes(_ text: String) -> [String: Int] {
        var codes: [String: Int] = [:]
        var status: Int?
        var inList = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "Error codes (by status):" {
                inList = true
                continue
            }
            guard inList else { continue }
            if trimmed.isEmpty || !line.hasPrefix("    ") { break }
            if trimmed.hasPrefix("- "), let number = Int(trimmed.dropFirst(2).prefix(3)) { status = number }
            guard let status else { continue }
            for (index, part) in trimmed.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            where index % 2 == 1 {
                codes[String(part)] = status
            }
        }
        return codes
    }

    @Test("every route is documented, and every documented operation is a route")
    func routesMatch() async throws {
        let test = try TestOrganization()
        let router = PlenumAPI(organization: test.organization).router()
        let served = Set(
            router.routes.filter { $0.path.description.hasPrefix(PlenumAPI.prefix) }.map { route -> String in
                var path = route.path.description
                if path.hasPrefix(PlenumAPI.prefix) { path.removeFirst(PlenumAPI.prefix.count) }
                let parts = path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                return "\(route.method.rawValue) /" + parts.joined(separator: "/")
            })
        let documented = Self.documentedOperations(try Self.document())
        #expect(served.count >= 20)
        #expect(served.subtracting(documented).isEmpty, "served but not documented: \(served.subtracting(documented))")
        #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served))")
    }

    @Test("every error code raised in the service and the HTTP edge is documented under its status")
    func errorCodesDocumented() throws {
        let documented = Self.documentedCodes(try Self.document())
        #expect(documented["rate_limited"] == 429)
        #expect(documented["not_offered"] == 422)
        let statuses = [
            "malformed": 400, "unauthenticated": 401, "forbidden": 403, "notFound": 404, "conflict": 409,
            "tooLarge": 413, "invalidChoice": 422, "rateLimited": 429, "unavailable": 503,
            "badRequest": 400, "unauthorized": 401, "contentTooLarge": 413, "methodNotAllowed": 405,
        ]
        // `.conflict("code"`, `ServiceError(.unavailable, "code"`, `APIError(.contentTooLarge, "code"` ...
        let pattern = try NSRegularExpression(
            pattern: #"(?:\.|\(\.|APIError\(\.)(\w+)\(?,?\s*"([a-z][a-z_]+)""#)
        var raised: [(code: String, status: Int, file: String)] = []
        for folder in ["Sources/Service", "Sources/PlenumServer"] {
            let base = Self.root.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)
                let range = NSRange(text.startIndex..., in: text)
                for match in pattern.matches(in: text, range: range) {
                    let category = String(text[Range(match.range(at: 1), in: text)!])
                    let code = String(text[Range(match.range(at: 2), in: text)!])
                    guard let status = statuses[category] else { continue }
                    raised.append((code, status, file))
                }
            }
        }
        #expect(raised.count > 50)
        for (code, status, file) in raised {
            #expect(
                documented[code] == status,
                "\(code) (\(file)) is sent with \(status), documented: \(documented[code].map(String.init) ?? "no")")
        }
    }
}
