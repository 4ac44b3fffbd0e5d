import Foundation
import Hummingbird
import Service
import Statements

/// The pages' routes and what they share: who is asking (the `plenum_token` cookie), who may
/// see a page, and how refusals become pages (a `303` to the login page, a readable `403`).
struct WebSite: Sendable {
    let organization: Organization
    let renderer: Renderer
    let files: StaticFiles
    let caches = WebCaches()

    /// Who may open a page.
    enum Access {
        /// Anyone, logged in or not.
        case anyone
        /// A logged-in member.
        case member
        /// A steward.
        case steward
        /// An auditor or a steward.
        case auditor
    }

    /// The caller and the layout's context.
    struct Viewer {
        let member: Member?
        let site: PageContext
    }

    /// A page to render: its template, its model and its status.
    struct Output {
        let template: String
        let model: Any
        var status: HTTPResponse.Status = .ok
    }

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("static/:name") { request, context -> Response in
            files.response(name: context.parameters.get("name") ?? "", request: request)
        }
        router.head("static/:name") { request, context -> Response in
            files.response(name: context.parameters.get("name") ?? "", request: request, body: false)
        }
        router.get("login") { request, _ in
            await page(request, .anyone) { viewer in
                Output(
                    template: "login",
                    model: LoginPage(next: LoginPage.safeNext(request.uri.queryParameters.get("next"))))
            }
        }
        router.get("join") { request, _ in
            await page(request, .anyone) { _ in Output(template: "join", model: JoinPage()) }
        }
        router.get("/") { request, _ in
            await page(request, .member) { viewer in
                try organization.read { state in Output(template: "home", model: HomePage(state: state, viewer: viewer))
                }
            }
        }
        router.get("proposals/new") { request, _ in
            await page(request, .member) { _ in Output(template: "proposal-new", model: ProposalNewPage()) }
        }
        router.get("proposals/:id") { request, context in
            await page(request, .member) { viewer in
                let id = try WebSite.statementID(context, "id")
                return try organization.read { state throws(ServiceError) in
                    Output(template: "proposal", model: try ProposalPage(id: id, state: state, viewer: viewer))
                }
            }
        }
        router.get("rounds/:id") { request, context in
            await page(request, .member) { viewer in
                let id = try WebSite.statementID(context, "id")
                return try organization.read { state throws(ServiceError) in
                    Output(template: "round", model: try RoundPage(id: id, state: state, viewer: viewer))
                }
            }
        }
        router.get("rounds/:id/result") { request, context in
            await page(request, .member) { viewer in
                let id = try WebSite.statementID(context, "id")
                let round = try organization.read { state throws(ServiceError) in try state.round(id) }
                let count = caches.count(of: round)
                return try organization.read { state throws(ServiceError) in
                    Output(template: "result", model: ResultPage(round: round, count: count, state: state))
                }
            }
        }
        router.get("receipts") { request, _ in
            await page(request, .member) { viewer in
                try organization.read { state in
                    Output(template: "receipts", model: ReceiptsPage(state: state, viewer: viewer))
                }
            }
        }
        router.get("steward") { request, _ in
            await page(request, .steward) { viewer in
                try organization.read { state in
                    Output(
                        template: "steward", model: StewardPage(state: state, now: organization.configuration.clock()))
                }
            }
        }
        router.get("audit") { request, _ in
            await page(request, .auditor) { viewer in
                guard let member = viewer.member else { throw ServiceError.forbidden("not_auditor", "auditors only") }
                return Output(
                    template: "audit",
                    model: try await AuditPage.make(organization: organization, reader: member, caches: caches))
            }
        }
        router.get("pools/:id") { request, context in
            await page(request, .member) { viewer in
                let id = try WebSite.statementID(context, "id")
                return try organization.read { state throws(ServiceError) in
                    Output(template: "pool", model: try PoolPage(id: id, state: state, viewer: viewer))
                }
            }
        }
    }

    /// A statement id from the path, or a `404` page.
    static func statementID(_ context: BasicRequestContext, _ name: String) throws(ServiceError) -> StatementID {
        guard let text = context.parameters.get(name), let id = StatementID(hex: text) else {
            throw .notFound("not_found", "there is nothing at this address")
        }
        return id
    }

    /// The member the request's token belongs to: the `plenum_token` cookie, or a bearer token;
    /// nil when there is none or it is no longer valid.
    func member(of request: Request) -> Member? {
        var token = request.cookies[PlenumWeb.tokenCookie]?.value
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { token = String(parts[1]) }
        }
        guard let token, !token.isEmpty else { return nil }
        return try? organization.member(forToken: token)
    }

    /// Renders the page `build` makes, after checking `access`; refusals become pages.
    func page(
        _ request: Request, _ access: Access, _ build: (Viewer) async throws -> Output
    ) async -> Response {
        let member = member(of: request)
        let site: PageContext
        do {
            site = try organization.read { state in
                PageContext(organization: organization, state: state, member: member)
            }
        } catch {
            return WebResponse.html(
                "<!doctype html><html lang=\"en\"><title>Unavailable</title><p>The service is unavailable: \(ErrorPage.escape(error.message)).</p></html>",
                status: .serviceUnavailable)
        }
        switch access {
        case .anyone: break
        case .member:
            if member == nil { return WebResponse.redirect(to: WebSite.loginLocation(for: request)) }
        case .steward:
            guard let member else { return WebResponse.redirect(to: WebSite.loginLocation(for: request)) }
            guard member.has(.steward) else {
                return renderer.response(
                    "error", site: site,
                    page: ErrorPage(
                        status: 403, heading: "Stewards only", message: "This page is for the organization's stewards."),
                    status: .forbidden)
            }
        case .auditor:
            guard let member else { return WebResponse.redirect(to: WebSite.loginLocation(for: request)) }
            guard member.has(.steward) || member.has(.auditor) else {
                return renderer.response(
                    "error", site: site,
                    page: ErrorPage(
                        status: 403, heading: "Auditors only",
                        message: "This page is for the organization's auditors and stewards."),
                    status: .forbidden)
            }
        }
        do {
            let output = try await build(Viewer(member: member, site: site))
            return renderer.response(output.template, site: site, page: output.model, status: output.status)
        } catch let error as ServiceError {
            let page = ErrorPage(error)
            return renderer.response("error", site: site, page: page, status: HTTPResponse.Status(code: page.status))
        } catch {
            return renderer.response(
                "error", site: site,
                page: ErrorPage(
                    status: 500, heading: "Something went wrong", message: "The server failed to show this page."),
                status: .internalServerError)
        }
    }

    /// `/login?next=<the request's path and query>`.
    static func loginLocation(for request: Request) -> String {
        var target = request.uri.path
        if let query = request.uri.query, !query.isEmpty { target += "?" + query }
        let allowed = CharacterSet(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
        let encoded = target.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/"
        return "/login?next=" + encoded
    }
}
