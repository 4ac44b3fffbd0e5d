import Foundation
import Hummingbird
import Mustache

/// The Mustache templates of `Templates/`, loaded once from the bundle. Every value reaches
/// the HTML through `{{ }}`, which escapes it; the only unescaped insertions are fragments
/// this module writes itself and escapes as it writes them (the SVG charts).
struct Renderer: Sendable {
    let library: MustacheLibrary

    /// The templates of the module's bundle.
    static let shared: Renderer = {
        do {
            return try Renderer(directory: Bundle.module.resourceURL!.appendingPathComponent("Templates"))
        } catch {
            fatalError("the web templates do not parse: \(error)")
        }
    }()

    /// Loads every `*.mustache` file in `directory`, named by its file name without the extension.
    init(directory: URL) throws {
        var library = MustacheLibrary()
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasSuffix(".mustache")
        }
        for name in names.sorted() {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            try library.register(text, named: String(name.dropLast(".mustache".count)))
        }
        self.library = library
    }

    /// The HTML of `template` for `page`, shown to the caller described by `site`.
    func render(_ template: String, site: PageContext, page: Any) -> String {
        library.render(Document(site: site, page: page), withTemplate: template)
            ?? "<!doctype html><title>Missing template</title><p>No template named \(template).</p>"
    }

    /// A page as an HTML response.
    func response(_ template: String, site: PageContext, page: Any, status: HTTPResponse.Status = .ok) -> Response {
        WebResponse.html(render(template, site: site, page: page), status: status)
    }
}

/// What a template is rendered with: the caller and organization (`site`) and the page's model.
struct Document {
    let site: PageContext
    let page: Any
}

/// The response headers every page carries.
enum WebResponse {
    /// The content security policy: everything from this origin only, no inline script or style.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[.init("Referrer-Policy")!] = "same-origin"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// A `303 See Other` to `location`.
    static func redirect(to location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        return Response(status: .seeOther, headers: headers)
    }
}
