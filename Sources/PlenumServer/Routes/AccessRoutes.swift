import Hummingbird
import Ledger
import PlenumWeb
import Service
import Statements

/// Who is asking: the member a bearer token was issued to.
enum Caller {
    /// The member behind the request's `Authorization: Bearer TOKEN`, or, when the request has
    /// no `Authorization` header, behind the web pages' `plenum_token` cookie (so a page's
    /// links, such as a record download, work with the page's login).
    static func member(_ request: Request, _ organization: Organization) throws -> Member {
        var token: String?
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { token = String(parts[1]) }
        } else if let cookie = request.cookies[PlenumWeb.tokenCookie]?.value, !cookie.isEmpty {
            token = cookie
        }
        return try organization.member(forToken: token)
    }
}

extension PlenumAPI {
    /// `POST /auth/challenge` and `POST /auth/login`.
    func addAccessRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.post("auth/challenge") { _, _ -> Response in
            let (challenge, expires) = organization.loginChallenge()
            return JSONResponse.object([
                JSONMember("challenge", .string(challenge)), JSONMember("expires", .integer(expires)),
                JSONMember("organization", .string(organization.id)),
            ])
        }
        group.post("auth/login") { request, _ -> Response in
            var reader = try await RequestJSON.object(of: request)
            let statement = try SignedStatement(wire: &reader)
            let (token, member, expires) = try organization.login(statement)
            return JSONResponse.object([
                JSONMember("token", .string(token)), JSONMember("member", .string(member.base64url)),
                JSONMember("expires", .integer(expires)),
            ])
        }
    }
}
