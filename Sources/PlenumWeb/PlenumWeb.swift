import Hummingbird
import Service

/// The web pages: server-rendered HTML for members, stewards and auditors, and the static CSS and
/// JavaScript that hold keys and sign statements in the browser (the contract between the two
/// sides is /work/web-design.md, summarized in docs).
public enum PlenumWeb {
    /// The cookie the browser keeps the login token in.
    public static let tokenCookie = "plenum_token"

    /// Adds the pages and static files to `router`.
    public static func addRoutes(to router: Router<BasicRequestContext>, organization: Organization) {
        let site = WebSite(organization: organization, renderer: Renderer.shared, files: StaticFiles.shared)
        site.addRoutes(to: router)
    }
}
